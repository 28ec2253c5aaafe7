using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>
/// A start was demanded (the start relay is on, or mains has failed) and the generator is still not
/// running after the start timeout. Clears as soon as it runs or nothing demands it any more.
/// </summary>
public sealed class GeneratorFailedToStartRule : AlarmRule
{
    private readonly string _runningChannel;
    private readonly IAlarmRule? _mainsFail;
    private readonly IOutputChannel? _startOutput;
    private readonly string[] _inputs;

    public GeneratorFailedToStartRule(string runningChannel, IAlarmRule? mainsFail, IOutputChannel? startOutput, TimeSpan startTimeout, IReadOnlyList<string> inputs)
        : base(AlarmCodes.GeneratorFailedToStart, Severity.Critical, runningChannel, startTimeout, TimeSpan.Zero)
    {
        _runningChannel = runningChannel;
        _mainsFail = mainsFail;
        _startOutput = startOutput;
        _inputs = [.. inputs];
    }

    protected override IReadOnlyList<string> Inputs => _inputs;

    protected override bool? Condition(SiteState state)
    {
        if (state.Value(_runningChannel) is not { } running)
        {
            return null;
        }

        var demanded = (_startOutput?.IsOn ?? false) || (_mainsFail?.IsActive ?? false);
        return demanded && running < 0.5;
    }
}
