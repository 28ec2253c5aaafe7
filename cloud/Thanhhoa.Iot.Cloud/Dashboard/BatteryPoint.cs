namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>One point of the battery voltage chart (an average when readings were thinned to fit the chart).</summary>
public sealed record BatteryPoint(DateTimeOffset At, double Volts);
