namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>An administrative unit by GSO code and official name (e.g. 14755, "Phường Hàm Rồng").</summary>
public sealed record AdminUnit(string Code, string Name);
