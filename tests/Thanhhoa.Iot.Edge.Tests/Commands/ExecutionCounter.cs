namespace Thanhhoa.Iot.Edge.Tests.Commands;

/// <summary>Which command ids a test handler really executed, in order (shared across gateway restarts).</summary>
internal sealed class ExecutionCounter
{
    private readonly List<string> _ids = [];

    public IReadOnlyList<string> Ids
    {
        get
        {
            lock (_ids)
            {
                return _ids.ToList();
            }
        }
    }

    public void Add(string id)
    {
        lock (_ids)
        {
            _ids.Add(id);
        }
    }
}
