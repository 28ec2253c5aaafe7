namespace Thanhhoa.Iot.Edge.Diagnostics.Text;

/// <summary>Languages the technician's tools speak: Vietnamese first, English second.</summary>
public enum Language
{
    En,
    Vi,
}
