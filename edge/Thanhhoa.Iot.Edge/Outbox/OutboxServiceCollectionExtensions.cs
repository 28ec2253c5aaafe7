using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>Registers the durable LiteDB outbox.</summary>
public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LiteDbOutbox"/> as <see cref="IOutbox"/>, bound to <paramref name="section"/>
    /// (usually <c>configuration.GetSection("Outbox")</c>) and validated on start. Register your own
    /// <see cref="IOutboxStorage"/> or <see cref="IOutboxRetentionPolicy"/> before this call to replace the defaults.
    /// </summary>
    public static IServiceCollection AddLiteDbOutbox(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<OutboxOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOutboxStorage, FileOutboxStorage>();
        services.TryAddSingleton<IOutboxRetentionPolicy>(sp =>
            sp.GetRequiredService<IOptions<OutboxOptions>>().Value.AggregateInterval is { } interval && interval > TimeSpan.Zero
                ? new AggregateThenDropPolicy(interval)
                : new DropOldestReadingsPolicy());
        services.TryAddSingleton<LiteDbOutbox>();
        services.TryAddSingleton<IOutbox>(sp => sp.GetRequiredService<LiteDbOutbox>());
        services.AddHostedService<LossReporter>(); // reports ranges dropped or downsampled at the quota to the cloud
        return services;
    }
}
