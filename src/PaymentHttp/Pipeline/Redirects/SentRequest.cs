namespace PaymentHttp;

/// <summary>
/// The method and address of an attempt as PaymentHttp sent it, taken before the handlers below run: a handler
/// that follows a redirect rewrites both on the request message itself.
/// </summary>
internal readonly record struct SentRequest(HttpMethod Method, Uri? Uri)
{
    public static SentRequest Of(HttpRequestMessage request) => new(request.Method, request.RequestUri);
}
