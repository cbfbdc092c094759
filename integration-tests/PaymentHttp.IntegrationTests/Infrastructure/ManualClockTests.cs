namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>The manual clock moves only on Advance, yet its timers are real: a stalled socket's timeout still fires.</summary>
public sealed class ManualClockTests
{
    [Fact]
    public async Task Timer_FiresInRealTime_WhileTheClockStandsStill()
    {
        var clock = new ManualClock();
        var before = clock.GetUtcNow();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var timer = clock.CreateTimer(_ => fired.TrySetResult(), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        await fired.Task.WaitAsync(TimeSpan.FromSeconds(10));

        clock.GetUtcNow().ShouldBe(before);
        clock.Advance(TimeSpan.FromSeconds(30));
        clock.GetUtcNow().ShouldBe(before + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CancellationAfter_IsRealTime_NotManualTime()
    {
        var clock = new ManualClock();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(20), clock);

        await Task.Delay(Timeout.InfiniteTimeSpan, timeout.Token).ShouldThrowAsync<TaskCanceledException>().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
