namespace PaymentHttp.Tests.Resilience;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 2000)]
    [InlineData(2, 4000)]
    [InlineData(5, 30000)]
    [InlineData(1000, 30000)]
    public void Delay_WithoutJitter_IsExponentialAndCapped(int attempt, int expectedMs)
    {
        RetryBackoff.Delay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), jitter: null)
            .ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Theory]
    [InlineData(0.0, 2000)]
    [InlineData(0.5, 3000)]
    [InlineData(0.999999, 3999.998)]
    public void Delay_WithJitter_IsBetweenHalfAndFull(double random, double expectedMs)
    {
        RetryBackoff.Delay(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new PaymentJitter(() => random))
            .TotalMilliseconds.ShouldBe(expectedMs, tolerance: 0.001);
    }

    [Fact]
    public void Delay_BaseZero_IsZero()
    {
        RetryBackoff.Delay(3, TimeSpan.Zero, TimeSpan.FromSeconds(30), new PaymentJitter(() => 0.7)).ShouldBe(TimeSpan.Zero);
    }
}
