namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// Which connection is current for each device, and which session its birth named. The broker's
/// disconnect event carries no session counter and can arrive after the device already reconnected;
/// matching the endpoint tells a late event about an old connection from one about the current one.
/// </summary>
public sealed class ConnectionTracker
{
    private readonly Dictionary<string, Connection> _connections = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    public void Connected(string clientId, string endpoint)
    {
        lock (_lock)
        {
            _connections[clientId] = new Connection(endpoint, null);
        }
    }

    public void BirthReceived(string clientId, long session)
    {
        lock (_lock)
        {
            if (_connections.TryGetValue(clientId, out var connection))
            {
                _connections[clientId] = connection with { BirthSession = session };
            }
        }
    }

    /// <summary>
    /// Forgets the connection if it is the current one and returns the session its birth named;
    /// null when a newer connection replaced it or it never sent a birth (then nothing is marked offline).
    /// </summary>
    public long? Disconnected(string clientId, string endpoint)
    {
        lock (_lock)
        {
            if (!_connections.TryGetValue(clientId, out var connection) || connection.Endpoint != endpoint)
            {
                return null;
            }

            _connections.Remove(clientId);
            return connection.BirthSession;
        }
    }

    private sealed record Connection(string Endpoint, long? BirthSession);
}
