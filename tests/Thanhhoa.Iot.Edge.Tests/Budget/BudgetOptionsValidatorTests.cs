using NUnit.Framework;
using Thanhhoa.Iot.Edge.Budget;

namespace Thanhhoa.Iot.Edge.Tests.Budget;

[TestFixture]
[Category("Unit")]
public sealed class BudgetOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_SucceedAndBudgetIsOff()
    {
        var options = new BudgetOptions();
        Assert.That(new BudgetOptionsValidator().Validate(null, options).Succeeded, Is.True);
        Assert.That(options.Enabled, Is.False);
    }

    [Test]
    public void Validate_DayAboveMonthAndTinyLimit_NamesKeysAndValues()
    {
        var result = new BudgetOptionsValidator().Validate(null, new BudgetOptions { DailyBytes = 5_000_000, MonthlyBytes = 1_000, PriorityReserve = 2 });
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Budget:MonthlyBytes 1000").And.Contain("Budget:DailyBytes 5000000 is above").And.Contain("Budget:PriorityReserve 2"));
    }
}
