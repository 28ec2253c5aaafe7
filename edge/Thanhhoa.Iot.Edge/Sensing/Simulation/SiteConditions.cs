namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>
/// What the sensors of a simulated site would see at <see cref="At"/>: the contacts, the DC bus
/// behind the load disconnect, the cabinet climate, the battery temperature and the AC energy meter
/// on the mains incomer (it reads 0 V while the grid is down, even when the generator runs).
/// </summary>
public sealed record SiteConditions(
    DateTimeOffset At,
    bool MainsPresent,
    bool GeneratorRunning,
    bool DoorOpen,
    double DcBusVolts,
    double LoadAmps,
    double BatteryCelsius,
    double CabinetCelsius,
    double CabinetHumidityPercent,
    double PressurePascals,
    double AcVolts,
    double AcAmps,
    double AcWatts,
    double AcHertz,
    double AcImportKwh);
