namespace PaymentHttp.Tests.RateLimiting;

/// <summary>The token bucket and pause rules of the in-process budget, on a fake clock.</summary>
public sealed class LocalPaymentRateBudgetTests
{
    private static readonly PaymentRateLimits TenPerSecondBurstThree = new(10, TimeSpan.FromSeconds(1), 3);

    private readonly FakeTimeProvider _time = new();
    private readonly LocalPaymentRateBudget _budget;

    public LocalPaymentRateBudgetTests()
    {
        _budget = new LocalPaymentRateBudget(_time);
    }

    [Fact]
    public async Task Acquire_NewKey_GrantsTheBurstThenRefusesWithTheTimeToTheNextPermit()
    {
        for (var i = 0; i < 3; i++)
        {
            (await Acquire()).IsGranted.ShouldBeTrue($"permit {i + 1} of the burst");
        }

        var refused = await Acquire();

        refused.IsGranted.ShouldBeFalse();
        refused.Reason.ShouldBe(PaymentRateRefusalReason.Budget);
        refused.RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Acquire_AfterOneInterval_GrantsExactlyOneMore()
    {
        await DrainAsync();
        _time.Advance(TimeSpan.FromMilliseconds(99));
        (await Acquire()).RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(1));

        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await Acquire()).IsGranted.ShouldBeTrue();
        (await Acquire()).IsGranted.ShouldBeFalse();
    }

    [Fact]
    public async Task Acquire_AfterALongQuietSpell_RefillsOnlyUpToTheBurst()
    {
        await DrainAsync();
        _time.Advance(TimeSpan.FromMinutes(10));

        var granted = 0;
        for (var i = 0; i < 10; i++)
        {
            granted += (await Acquire()).IsGranted ? 1 : 0;
        }

        granted.ShouldBe(3);
    }

    [Fact]
    public async Task Acquire_SustainedLoad_GrantsThePermitsPerPeriodAndNoMore()
    {
        await DrainAsync();
        var granted = 0;
        for (var step = 0; step < 100; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50)); // 5 s in 50 ms steps, two tries per step
            granted += (await Acquire()).IsGranted ? 1 : 0;
            granted += (await Acquire()).IsGranted ? 1 : 0;
        }

        granted.ShouldBe(50);
    }

    [Fact]
    public async Task Pause_RefusesEveryAcquireWithTheTimeLeftThenLetsThrough()
    {
        await _budget.PauseAsync("plutu:m1", TimeSpan.FromSeconds(5), CancellationToken.None);

        var refused = await Acquire();
        refused.Reason.ShouldBe(PaymentRateRefusalReason.Paused);
        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(4));
        (await Acquire()).RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromSeconds(1));
        (await Acquire()).IsGranted.ShouldBeTrue();
    }

    [Fact]
    public async Task Pause_ShorterThanTheOneInForce_DoesNotShortenIt()
    {
        await _budget.PauseAsync("plutu:m1", TimeSpan.FromSeconds(30), CancellationToken.None);
        await _budget.PauseAsync("plutu:m1", TimeSpan.FromSeconds(1), CancellationToken.None);

        (await Acquire()).RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));

        await _budget.PauseAsync("plutu:m1", TimeSpan.FromSeconds(60), CancellationToken.None);
        (await Acquire()).RetryAfter.ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Keys_AreIndependent()
    {
        await DrainAsync();
        await _budget.PauseAsync("plutu:m1", TimeSpan.FromSeconds(5), CancellationToken.None);

        (await _budget.AcquireAsync("plutu:m2", TenPerSecondBurstThree, CancellationToken.None)).IsGranted.ShouldBeTrue();
    }

    [Fact]
    public async Task Acquire_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => _budget.AcquireAsync("k", TenPerSecondBurstThree, cancelled.Token).AsTask());
    }

    [Fact]
    public void Decision_RefusedWithoutAReasonOrWait_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PaymentRateDecision.Refused(PaymentRateRefusalReason.None, TimeSpan.FromSeconds(1)));
        Should.Throw<ArgumentOutOfRangeException>(() => PaymentRateDecision.Refused(PaymentRateRefusalReason.Budget, TimeSpan.Zero));
        PaymentRateDecision.Granted.IsGranted.ShouldBeTrue();
    }

    private ValueTask<PaymentRateDecision> Acquire() => _budget.AcquireAsync("plutu:m1", TenPerSecondBurstThree, CancellationToken.None);

    private async Task DrainAsync()
    {
        for (var i = 0; i < 100 && (await Acquire()).IsGranted; i++)
        {
        }
    }
}
