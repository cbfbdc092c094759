using System.Text;

namespace PaymentHttp.Benchmarks.Infrastructure;

/// <summary>
/// The request every benchmark sends: a POST with a small JSON body, the typical money-moving call. A new message
/// per call (a request message cannot be sent twice), over shared bytes, so every variant pays the same.
/// </summary>
public static class PaymentRequests
{
    public const string Path = "v1/payments";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"merchantRefNum":"order-2024-11-000123","amount":2500,"currencyCode":"USD","paymentHandleToken":"SCxbhsZ8m8w6TPRa"}""");

    /// <summary>
    /// A new POST. <see cref="ByteArrayContent"/> is replayable, so PaymentHttp does not buffer it again before the
    /// first attempt: the request side costs every variant the same.
    /// </summary>
    public static HttpRequestMessage NewPayment()
    {
        var content = new ByteArrayContent(Body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
    }
}
