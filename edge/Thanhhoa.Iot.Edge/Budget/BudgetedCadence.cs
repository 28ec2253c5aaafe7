using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Budget;

/// <summary>The configured upload cadence, stretched to <c>Budget:SparseUploadInterval</c> from level <see cref="BudgetLevel.Sparse"/> on.</summary>
internal sealed class BudgetedCadence(IUploadCadence? inner, DataBudget budget) : IUploadCadence
{
    public TimeSpan TelemetryInterval
    {
        get
        {
            var configured = inner?.TelemetryInterval ?? TimeSpan.Zero;
            return budget.Level >= BudgetLevel.Sparse && budget.Options.SparseUploadInterval > configured ? budget.Options.SparseUploadInterval : configured;
        }
    }
}
