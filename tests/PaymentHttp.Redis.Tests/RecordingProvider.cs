using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace PaymentHttp.Redis.Tests;

/// <summary>
/// A primary handler standing in for the provider: counts each payment id it receives, and answers 429 with a
/// Retry-After for as long as told to.
/// </summary>
public sealed class RecordingProvider : HttpMessageHandler
{
    public ConcurrentDictionary<string, int> Received { get; } = new();

    public TimeSpan? ThrottleFor { get; set; }

    public int Total => Received.Values.Sum();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var id = request.Headers.TryGetValues("X-Payment-Id", out var values) ? values.Single() : "none";
        Received.AddOrUpdate(id, 1, (_, count) => count + 1);
        if (ThrottleFor is { } wait)
        {
            var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}") };
            throttled.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
            return Task.FromResult(throttled);
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"result":"ok"}""") });
    }
}
