using Microsoft.Extensions.Http.Resilience;

namespace PaymentHttp;

/// <summary>
/// Finds and removes generic resilience handlers on a payment client — Microsoft.Extensions.Http.Resilience's
/// <see cref="ResilienceHandler"/> (<c>AddStandardResilienceHandler</c>, <c>AddStandardHedgingHandler</c>,
/// <c>AddResilienceHandler</c>) and Polly v7's <c>PolicyHttpMessageHandler</c>, known by type name so that
/// PaymentHttp need not reference Microsoft.Extensions.Http.Polly. Their retries, hedging and timeouts know nothing
/// of the money rule: around PaymentHttp's pipeline they re-send a payment after a timeout; below it, once per
/// attempt, unseen.
/// </summary>
internal static class ForeignResilienceHandlers
{
    private const string PollyV7HandlerName = "Microsoft.Extensions.Http.PolicyHttpMessageHandler";

    /// <summary>
    /// Removes the generic resilience handlers from <paramref name="handlers"/> (outermost first, as the HttpClient
    /// factory lists them). Those below PaymentHttp's handlers always go. Those outside them go unless
    /// <paramref name="keepOutside"/>: PaymentHttp's own retries and breaker are off, so the user composes their
    /// own resilience around PaymentHttp's classification.
    /// </summary>
    /// <returns>What was removed, in words for the log; empty when nothing was.</returns>
    public static List<string> Remove(IList<DelegatingHandler> handlers, bool keepOutside)
    {
        var removed = new List<string>();
        var paymentHttp = IndexOfPaymentHttp(handlers);
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            if (!IsGenericResilienceHandler(handlers[i]))
            {
                continue;
            }

            var outside = paymentHttp >= 0 && i < paymentHttp;
            if (outside && keepOutside)
            {
                continue;
            }

            removed.Insert(0, handlers[i].GetType().Name + (outside ? " (around PaymentHttp's handlers)" : " (below PaymentHttp's handlers, once per attempt)"));
            handlers.RemoveAt(i);
        }

        return removed;
    }

    public static bool IsGenericResilienceHandler(DelegatingHandler handler)
    {
        if (handler is ResilienceHandler)
        {
            return true;
        }

        for (var type = handler.GetType(); type is not null; type = type.BaseType)
        {
            if (string.Equals(type.FullName, PollyV7HandlerName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOfPaymentHttp(IList<DelegatingHandler> handlers)
    {
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is PaymentResilienceHandler or ClassificationHandler)
            {
                return i;
            }
        }

        return -1;
    }
}
