namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// The province plan's indicators for one district (or the province, code 38): share of BTS sites shared by
/// more than one operator against the target, 30-day availability of BTS sites and of hamlet stations,
/// and hamlet stations reachable right now (gateway connected).
/// </summary>
public sealed record IndicatorRow(
    string Code,
    string Name,
    int BtsSites,
    int SharedBtsSites,
    double? SharedShare,
    double SharedTarget,
    double? BtsAvailability30d,
    int HamletStations,
    double? HamletAvailability30d,
    int HamletsReachable,
    double? HamletsReachableShare);
