using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>Registers the data budget (section <c>Budget</c>, validated on start; off unless a limit is set).</summary>
public static class BudgetServiceCollectionExtensions
{
    public static IServiceCollection AddDataBudget(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(BudgetOptions.SectionName);
        services.AddOptions<BudgetOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BudgetOptions>, BudgetOptionsValidator>());
        services.TryAddSingleton<DataBudget>();
        if (section.Get<BudgetOptions>() is { Enabled: true })
        {
            services.AddHostedService<BudgetReporter>();
        }

        return services;
    }
}
