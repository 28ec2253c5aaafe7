namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>The registered command handlers by type.</summary>
internal sealed class CommandHandlers
{
    private readonly Dictionary<string, ICommandHandler> _byType = new(StringComparer.Ordinal);

    public CommandHandlers(IEnumerable<ICommandHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!_byType.TryAdd(handler.Type, handler))
            {
                throw new InvalidOperationException(
                    $"Two command handlers claim type '{handler.Type}' ({_byType[handler.Type].GetType().Name} and {handler.GetType().Name}); register one.");
            }
        }
    }

    public IEnumerable<string> Types => _byType.Keys.Order(StringComparer.Ordinal);

    public ICommandHandler? Find(string type) => _byType.GetValueOrDefault(type);
}
