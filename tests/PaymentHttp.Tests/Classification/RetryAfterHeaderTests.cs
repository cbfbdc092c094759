namespace PaymentHttp.Tests.Classification;

public sealed class RetryAfterHeaderTests
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("30", 30)]
    [InlineData(" 30 ", 30)]
    [InlineData("\t7", 7)]
    [InlineData("007", 7)]
    [InlineData("1.5", 1.5)]
    [InlineData("2147483647", 2_592_000)] // int.MaxValue seconds: capped at 30 days
    [InlineData("2591999", 2_591_999)]    // just under the cap: as sent
    [InlineData("Sat, 21 Nov 2026 10:00:45 GMT", 45)]
    [InlineData("Sat, 21 Nov 2026 09:59:00 GMT", 0)]
    [InlineData("  Sat, 21 Nov 2026 10:00:45 GMT  ", 45)]
    [InlineData("Saturday, 21-Nov-26 10:00:45 GMT", 45)] // RFC 850
    [InlineData("Sat Nov 21 10:00:45 2026", 45)]          // asctime
    public void Read_ValidHeader_ReturnsWait(string value, double expectedSeconds)
    {
        Read(value).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }

    /// <summary>A wait System.Net cannot represent (beyond Int32 seconds, a date centuries away) is a long wait, not none.</summary>
    [Theory]
    [InlineData("2147483648")]
    [InlineData("99999999999")]
    [InlineData("99999999999999999999999999999999999999999999")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData("Sun, 21 Nov 2027 10:00:00 GMT")]
    [InlineData("2592000")]
    public void Read_HugeWait_CappedNotLost(string value)
    {
        Read(value).ShouldBe(MaxWait);
    }

    [Theory]
    [InlineData("5, 10", 10)]
    [InlineData("10,5", 10)]
    [InlineData("soon, 20", 20)]
    [InlineData("1, 99999999999", 2_592_000)]
    [InlineData("Sat, 21 Nov 2026 10:00:45 GMT, 5", 45)]
    [InlineData("5, Sat, 21 Nov 2026 10:01:00 GMT", 60)]
    [InlineData("Sat, 21 Nov 2026 10:00:05 GMT, Sat, 21 Nov 2026 10:00:50 GMT", 50)]
    public void Read_SeveralValuesInOneLine_LongestWaitWins(string value, double expectedSeconds)
    {
        Read(value).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Fact]
    public void Read_SeveralHeaderLines_LongestWaitWins()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", "3");
        response.Headers.TryAddWithoutValidation("Retry-After", "99999999999");
        response.Headers.TryAddWithoutValidation("Retry-After", "garbage");

        RetryAfterHeader.Read(response.Headers, _time).ShouldBe(MaxWait);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("-99999999999")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(",")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("5 s")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("Sat, 99 Nov 2026 10:00:45 GMT")]
    [InlineData("Sat, 21 Nov 99999 10:00:45 GMT")]
    public void Read_InvalidHeader_ReturnsNull(string value)
    {
        Read(value).ShouldBeNull();
    }

    [Fact]
    public void Read_HostileListOfGarbage_ReadsABoundedNumberOfParts()
    {
        var value = string.Join(", ", Enumerable.Repeat("x", 10_000)) + ", 5";

        Read(value).ShouldBeNull(); // the wait after 10,000 garbage parts is past the bound: not read
    }

    [Fact]
    public void Read_NoHeader_ReturnsNull()
    {
        using var response = new HttpResponseMessage();

        RetryAfterHeader.Read(response.Headers, _time).ShouldBeNull();
    }

    private TimeSpan? Read(string value)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", value);
        return RetryAfterHeader.Read(response.Headers, _time);
    }
}
