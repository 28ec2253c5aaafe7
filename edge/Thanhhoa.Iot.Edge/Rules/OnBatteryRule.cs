using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>
/// The site runs on its batteries: mains has failed (the debounced alarm) and no generator runs.
/// Built on the other rules' states, so it needs no debounce of its own and follows them at once.
/// </summary>
public sealed class OnBatteryRule : AlarmRule
{
    private readonly IAlarmRule _mainsFail;
    private readonly IAlarmRule? _generatorRunning;
    private readonly string[] _inputs;

    public OnBatteryRule(IAlarmRule mainsFail, IAlarmRule? generatorRunning, IReadOnlyList<string> inputs)
        : base(AlarmCodes.OnBattery, Severity.Major, null, TimeSpan.Zero, TimeSpan.Zero)
    {
        _mainsFail = mainsFail;
        _generatorRunning = generatorRunning;
        _inputs = [.. inputs];
    }

    protected override IReadOnlyList<string> Inputs => _inputs;

    protected override bool? Condition(SiteState state) => _mainsFail.IsActive && !(_generatorRunning?.IsActive ?? false);
}
