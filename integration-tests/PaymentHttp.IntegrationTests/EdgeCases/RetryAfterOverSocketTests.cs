using System.Globalization;
using PaymentHttp.IntegrationTests.BadInput;

namespace PaymentHttp.IntegrationTests.EdgeCases;

/// <summary>
/// <c>Retry-After</c> as it arrives over a real socket, of any size and form. Before, a delta beyond Int32 seconds
/// read as "no wait asked" (System.Net's parser gives up on it) and a rate-limited payment POST reached the provider
/// 4 times in a row. Now any wait past MaxDelay ends the call at once with <c>RetryAfter</c> set: one request.
/// </summary>
public sealed class RetryAfterOverSocketTests
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(30);

    public static TheoryData<string> HugeWaits => new()
    {
        "99999999999",
        "2147483648",
        "  99999999999  ",
        "999999999999999999999999999999",
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "1, 99999999999",
    };

    [Theory]
    [MemberData(nameof(HugeWaits))]
    public async Task Post429_HugeRetryAfter_OneRequestRateLimitedWithTheWait(string retryAfter)
    {
        await using var edge = EdgeCaseClient.Start(PaymentProvider.Plutu);

        var (exchange, failure) = await edge.PostAsync(RateLimited(retryAfter));

        exchange.Served.ShouldBe(1);
        var rateLimited = failure.ShouldBeOfType<ProviderRateLimitedException>();
        rateLimited.RetryAfter.ShouldBe(MaxWait);
        rateLimited.Attempts.ShouldBe(1);
    }

    /// <summary>The three HTTP-date forms, an hour ahead: a wait past MaxDelay, reported as about an hour.</summary>
    [Theory]
    [InlineData("r")]
    [InlineData("dddd, dd'-'MMM'-'yy HH':'mm':'ss 'GMT'")]
    [InlineData("ddd MMM d HH':'mm':'ss yyyy")]
    public async Task Post429_HttpDateAnHourAhead_OneRequestRateLimitedWithTheWait(string format)
    {
        await using var edge = EdgeCaseClient.Start(PaymentProvider.Plutu);
        var date = DateTimeOffset.UtcNow.AddHours(1).ToString(format, CultureInfo.InvariantCulture);

        var (exchange, failure) = await edge.PostAsync(RateLimited(date));

        exchange.Served.ShouldBe(1);
        var rateLimited = failure.ShouldBeOfType<ProviderRateLimitedException>();
        rateLimited.RetryAfter.ShouldNotBeNull();
        rateLimited.RetryAfter.Value.ShouldBeInRange(TimeSpan.FromMinutes(58), TimeSpan.FromHours(1));
    }

    /// <summary>Two header lines: the longest wait wins, so the short one cannot trigger a retry.</summary>
    [Fact]
    public async Task Post429_TwoRetryAfterLines_LongestWins_OneRequest()
    {
        await using var edge = EdgeCaseClient.Start(PaymentProvider.Plutu);
        var response = new RawResponseBuilder(429)
            .Header("Content-Type", "application/json")
            .Header("Retry-After", "0")
            .Header("Retry-After", "99999999999");
        response.Body = """{"error":{"status":429,"code":"TOO_MANY","message":"slow down"}}"""u8.ToArray();

        var (exchange, failure) = await edge.PostAsync(response.Build());

        exchange.Served.ShouldBe(1);
        failure.ShouldBeOfType<ProviderRateLimitedException>().RetryAfter.ShouldBe(MaxWait);
    }

    /// <summary>A 503 to a POST that is safe to repeat (idempotency key) is retryable, but not after a huge wait.</summary>
    [Fact]
    public async Task PlexyPayPostWithKey503_HugeRetryAfter_OneRequestUnavailableWithTheWait()
    {
        await using var edge = EdgeCaseClient.Start(PaymentProvider.PlexyPay);
        var response = new RawResponseBuilder(503).Header("Retry-After", "99999999999");

        var (exchange, failure) = await edge.PostAsync(response.Build(), r => r.Headers.Add("Idempotency-Key", "order-7"));

        exchange.Served.ShouldBe(1);
        failure.ShouldBeOfType<ProviderUnavailableException>().RetryAfter.ShouldBe(MaxWait);
    }

    /// <summary>The control: a short wait is honoured and retried, so the requests above would be counted if sent.</summary>
    [Theory]
    [InlineData("0")]
    [InlineData("soon")]
    public async Task Post429_ZeroOrGarbageRetryAfter_Retried(string retryAfter)
    {
        await using var edge = EdgeCaseClient.Start(PaymentProvider.Plutu);

        var (exchange, failure) = await edge.PostAsync(RateLimited(retryAfter));

        exchange.Served.ShouldBe(4);
        failure.ShouldBeOfType<ProviderRateLimitedException>().Attempts.ShouldBe(4);
    }

    private static RawResponse RateLimited(string retryAfter)
    {
        var response = new RawResponseBuilder(429)
            .Header("Content-Type", "application/json")
            .Header("Retry-After", retryAfter);
        response.Body = """{"error":{"status":429,"code":"TOO_MANY","message":"slow down"}}"""u8.ToArray();
        return response.Build();
    }
}
