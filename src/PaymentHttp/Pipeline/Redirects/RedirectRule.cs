using System.Net;

namespace PaymentHttp;

/// <summary>
/// PaymentHttp never follows a redirect: following one would re-send a payment (307/308), turn it into a GET whose
/// 200 looks like a success (301/302), or carry its body and credentials to another origin. So a final 3xx, and any
/// answer that a handler below PaymentHttp reached by following a redirect anyway, is classified here by the money
/// rule and never passes as a success of the request that was sent.
/// </summary>
internal static class RedirectRule
{
    private const int MaxPathLength = 200;

    /// <summary>
    /// Returns the failure for a redirect answer, or <see langword="null"/> when the response is no redirect (or is
    /// a 304 to a conditional safe request, which the caller asked for).
    /// </summary>
    public static ProviderError? Classify(in SentRequest sent, HttpRequestMessage request, HttpResponseMessage response)
    {
        if (sent.Uri is { } sentUri && response.RequestMessage?.RequestUri is { } answeredUri && !sentUri.Equals(answeredUri))
        {
            return Followed(sent, sentUri, answeredUri, response.StatusCode);
        }

        var status = (int)response.StatusCode;
        if (status is < 300 or > 399)
        {
            return null;
        }

        var safeMethod = IsSafeMethod(sent.Method);
        if (status == 304 && safeMethod && IsConditional(request))
        {
            return null;
        }

        var location = Describe(response.Headers.Location, sent.Uri);
        var (category, retrySafety) = safeMethod && status == 303
            ? (PaymentErrorCategory.Configuration, PaymentRetrySafety.Never)
            : HttpStatusFallback.Rule(status);
        var answer = $"{HttpStatusFallback.Describe(response.StatusCode)} to {sent.Method.Method}";
        var message = category switch
        {
            PaymentErrorCategory.Configuration =>
                $"{answer}: redirected to {location}. PaymentHttp does not follow redirects, so the request was not sent there; check the client's BaseAddress and the request path.",
            _ when status == 303 =>
                $"{answer}: the provider processed the request and points to its result at {location}. PaymentHttp does not follow redirects; look the payment up before sending it again.",
            _ => $"{answer} is no valid final answer (Location {location}); PaymentHttp does not follow redirects.",
        };
        return new ProviderError(category, message) { StatusCode = response.StatusCode, RetrySafety = retrySafety };
    }

    /// <summary>
    /// A handler below PaymentHttp (an unknown primary handler) followed a redirect: the answer is not the answer to
    /// the request that was sent. An unsafe request may have been processed on the way (303) or re-sent (307/308).
    /// </summary>
    private static ProviderError Followed(in SentRequest sent, Uri sentUri, Uri answeredUri, HttpStatusCode status)
    {
        var safeMethod = IsSafeMethod(sent.Method);
        var message =
            $"{sent.Method.Method} {Describe(sentUri, null)} was redirected and a handler below PaymentHttp followed it: " +
            $"{HttpStatusFallback.Describe(status)} came from {Describe(answeredUri, sentUri)}. " +
            (safeMethod
                ? "PaymentHttp does not follow redirects; turn redirects off on the client's primary handler and check its BaseAddress."
                : "The provider may have processed the request; look the payment up before sending it again, and turn redirects off on the client's primary handler.");
        return new ProviderError(safeMethod ? PaymentErrorCategory.Configuration : PaymentErrorCategory.OutcomeUnknown, message)
        {
            RetrySafety = PaymentRetrySafety.Never,
        };
    }

    /// <summary>GET, HEAD, OPTIONS and TRACE: the methods a redirect cannot have moved money for.</summary>
    private static bool IsSafeMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace;

    private static bool IsConditional(HttpRequestMessage request)
    {
        var headers = request.Headers.NonValidated;
        return headers.Contains("If-None-Match") || headers.Contains("If-Modified-Since") || headers.Contains("If-Match")
            || headers.Contains("If-Unmodified-Since") || headers.Contains("If-Range");
    }

    /// <summary>
    /// The target without what may carry a secret: no user info, no query values, no fragment; a long path is cut.
    /// </summary>
    private static string Describe(Uri? location, Uri? baseUri)
    {
        if (location is null)
        {
            return "(no Location header)";
        }

        if (!location.IsAbsoluteUri && baseUri is { IsAbsoluteUri: true })
        {
            location = new Uri(baseUri, location);
        }

        string text;
        bool hasQuery;
        if (location.IsAbsoluteUri)
        {
            var path = location.AbsolutePath;
            text = location.Scheme + "://" + location.Authority + (path.Length > MaxPathLength ? path[..MaxPathLength] + "…" : path);
            hasQuery = location.Query.Length > 1;
        }
        else
        {
            var original = location.OriginalString;
            var cut = original.IndexOfAny(['?', '#']);
            hasQuery = cut >= 0 && original[cut] == '?';
            text = cut >= 0 ? original[..cut] : original;
            text = text.Length > MaxPathLength ? text[..MaxPathLength] + "…" : text;
        }

        var crossOrigin = baseUri is { IsAbsoluteUri: true } && location.IsAbsoluteUri
            && Uri.Compare(baseUri, location, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0;
        return text + (hasQuery ? "?(query removed)" : string.Empty) + (crossOrigin ? " (another origin)" : string.Empty);
    }
}
