using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Classification;

public sealed class RetryAfterHeaderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("30", 30)]
    [InlineData("Sat, 21 Nov 2026 10:00:45 GMT", 45)]
    [InlineData("Sat, 21 Nov 2026 09:59:00 GMT", 0)]
    public void Read_ValidHeader_ReturnsWait(string value, int expectedSeconds)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", value);

        RetryAfterHeader.Read(response.Headers, _time).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("")]
    public void Read_InvalidHeader_ReturnsNull(string value)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", value);

        RetryAfterHeader.Read(response.Headers, _time).ShouldBeNull();
    }

    [Fact]
    public void Read_NoHeader_ReturnsNull()
    {
        using var response = new HttpResponseMessage();

        RetryAfterHeader.Read(response.Headers, _time).ShouldBeNull();
    }
}
