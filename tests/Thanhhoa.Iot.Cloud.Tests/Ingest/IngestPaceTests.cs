using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Ingest;

namespace Thanhhoa.Iot.Cloud.Tests.Ingest;

[TestFixture]
[Category("Unit")]
public sealed class IngestPaceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    [Test]
    public void Reserve_BatchesFasterThanThePace_EachWaitsForItsSlotInArrivalOrder()
    {
        var time = new FakeTimeProvider(T0);
        var pace = Pace(1000, TimeSpan.Zero, time);

        var waits = Enumerable.Range(0, 4).Select(_ => pace.Reserve(500)).ToList();

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5) }));
    }

    [Test]
    public void Reserve_WithinTheBurst_GoesAtOnceThenPaced()
    {
        var time = new FakeTimeProvider(T0);
        var pace = Pace(1000, TimeSpan.FromMilliseconds(200), time);

        var waits = Enumerable.Range(0, 4).Select(_ => pace.Reserve(100)).ToList();

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(100) }));
    }

    [Test]
    public void Reserve_IdleLongerThanTheBurst_NoCreditSavedUp()
    {
        var time = new FakeTimeProvider(T0);
        var pace = Pace(1000, TimeSpan.Zero, time);
        pace.Reserve(100);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.That((pace.Reserve(100), pace.Reserve(100)), Is.EqualTo((TimeSpan.Zero, TimeSpan.FromMilliseconds(100))));
    }

    [Test]
    public void Reserve_Unpaced_NeverWaits()
    {
        var pace = Pace(0, TimeSpan.Zero, new FakeTimeProvider(T0));

        Assert.That(Enumerable.Range(0, 10).Select(_ => pace.Reserve(10_000)), Has.All.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task EnterAsync_BudgetFull_LaterBatchesWaitInArrivalOrderUntilReadingsAreStored()
    {
        var budget = new InFlightBudget(200);
        await budget.EnterAsync(150, CancellationToken.None);
        var second = budget.EnterAsync(100, CancellationToken.None);
        var third = budget.EnterAsync(10, CancellationToken.None);
        Assert.That((second.IsCompleted, third.IsCompleted), Is.EqualTo((false, false)), "the small one does not overtake");

        budget.Exit(150);

        await Task.WhenAll(second, third);
        Assert.That(budget.InFlight, Is.EqualTo(110));
    }

    [Test]
    public async Task EnterAsync_WaiterCancelled_TakesNothingAndTheNextGoes()
    {
        var budget = new InFlightBudget(100);
        await budget.EnterAsync(100, CancellationToken.None);
        using var gone = new CancellationTokenSource();
        var cancelled = budget.EnterAsync(100, gone.Token);
        var next = budget.EnterAsync(50, CancellationToken.None);

        await gone.CancelAsync();
        budget.Exit(100);

        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
        await next;
        Assert.That(budget.InFlight, Is.EqualTo(50));
    }

    [Test]
    public async Task EnterAsync_BatchLargerThanTheBudget_GoesAloneWhenNothingElseIsInFlight()
    {
        var budget = new InFlightBudget(100);
        await budget.EnterAsync(500, CancellationToken.None);
        Assert.That(budget.InFlight, Is.EqualTo(500));
    }

    [TestCase(0, 10, null)]
    [TestCase(5000, 0, "5000")]
    [TestCase(5000, 2000, "2")]
    [TestCase(5000, 10_000, "1")]
    public void For_PaceAndConnectedGateways_ShareAtLeastOneOrNothingWhenUnpaced(int pace, int gateways, string? expected)
    {
        Assert.That(DrainHint.For(pace, gateways), Is.EqualTo(expected));
    }

    private static IngestPace Pace(int readingsPerSecond, TimeSpan burst, TimeProvider time) =>
        new(Options.Create(new IngestOptions { MaxReadingsPerSecond = readingsPerSecond, Burst = burst }), time);
}
