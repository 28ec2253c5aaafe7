using Thanhhoa.Iot.Edge.Sensing.Filtering;
using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>
/// The channels built from a profile: <see cref="Inputs"/> are what the poller reads (health
/// checked, never throwing), <see cref="DigitalInputs"/> report transitions between polls,
/// <see cref="Outputs"/> wait for commands, <see cref="ReportPolicies"/> feed report by exception.
/// </summary>
public sealed class SiteChannels : IDisposable
{
    private readonly IReadOnlyList<IDisposable> _owned;

    public SiteChannels(
        IReadOnlyList<ISensorChannel> inputs,
        IReadOnlyList<IDigitalInputChannel> digitalInputs,
        IReadOnlyDictionary<string, IOutputChannel> outputs,
        IReadOnlyDictionary<string, ReportPolicy> reportPolicies,
        IReadOnlyList<IDisposable> owned)
    {
        Inputs = inputs;
        DigitalInputs = digitalInputs;
        Outputs = outputs;
        ReportPolicies = reportPolicies;
        _owned = owned;
    }

    public IReadOnlyList<ISensorChannel> Inputs { get; }

    public IReadOnlyList<IDigitalInputChannel> DigitalInputs { get; }

    public IReadOnlyDictionary<string, IOutputChannel> Outputs { get; }

    public IReadOnlyDictionary<string, ReportPolicy> ReportPolicies { get; }

    public ISensorChannel Input(string id) =>
        Inputs.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"Channel '{id}' is not an input channel of the site profile.");

    public void Dispose()
    {
        foreach (var owned in _owned.Reverse())
        {
            owned.Dispose();
        }
    }
}
