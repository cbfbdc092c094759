namespace PaymentHttp.Tests.TestUtilities;

/// <summary>Waits for tasks a fake clock released, bounded in real time so that a bug fails instead of hanging.</summary>
public static class TaskAssertions
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Lets continuations that a timer released run, then reports whether the task is still waiting.</summary>
    public static async Task<bool> IsStillPendingAsync(Task task)
    {
        // Continuations released by a fake timer may run on the thread pool; give them a bounded chance to finish.
        for (var i = 0; i < 20 && !task.IsCompleted; i++)
        {
            await Task.Yield();
        }

        return !task.IsCompleted;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling without sleeping past the bound.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within the bound.");
            }

            await Task.Yield();
        }
    }
}
