namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>Which side of the threshold is the alarm.</summary>
public enum ThresholdDirection
{
    Below,
    Above,
}
