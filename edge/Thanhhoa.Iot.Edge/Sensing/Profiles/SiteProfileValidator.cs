using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Rules;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>Validates the whole site profile at start; every error names the channel or rule, the field and the value.</summary>
public sealed class SiteProfileValidator : IValidateOptions<SiteProfileOptions>
{
    public static IReadOnlyList<string> Check(SiteProfileOptions profile)
    {
        var errors = new ProfileErrors();
        var maps = RegisterMapCatalog.Build(profile.RegisterMaps, errors);
        PortProfileValidator.Validate(profile, errors);
        ChannelProfileValidator.Validate(profile, maps, errors);
        AlarmProfileValidator.Validate(profile, errors);
        return errors.All;
    }

    public ValidateOptionsResult Validate(string? name, SiteProfileOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
