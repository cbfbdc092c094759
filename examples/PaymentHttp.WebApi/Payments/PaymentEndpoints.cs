using System.Globalization;
using PaymentHttp.WebApi.Providers;

namespace PaymentHttp.WebApi.Payments;

/// <summary>
/// <c>POST /checkout</c> and <c>GET /payments/{reference}?provider=</c>. Provider failures are not caught here: they
/// travel as PaymentHttp's typed exceptions to <see cref="Problems.PaymentExceptionHandler"/>, which answers with
/// problem details — all but one: an unknown outcome is not a failure to report, see <see cref="CheckoutAsync"/>.
/// </summary>
internal static class PaymentEndpoints
{
    public static void MapPaymentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/checkout", CheckoutAsync);
        endpoints.MapGet("/payments/{reference}", FindAsync);
    }

    private static async Task<IResult> CheckoutAsync(HttpRequest http, ConfiguredProviders providers, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON expected",
                detail: "Send the checkout as JSON, with Content-Type: application/json.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (await CheckoutBody.ReadAsync(http, errors, cancellationToken) is not { } request
            || !CheckoutValidator.TryValidate(request, providers, errors, out var checkout))
        {
            return Results.ValidationProblem(errors, detail: "No provider was called; correct the fields under errors.");
        }

        var location = PaymentLocation(checkout.Provider, checkout.MerchantReference);
        var provider = clients.CreateClient(checkout.Provider.ToString());
        try
        {
            using var response = await provider.SendAsync(ProviderApi.Payment(checkout), cancellationToken);
            var payment = await ProviderReplies.ReadPaymentAsync(checkout.Provider, response, cancellationToken);
            return Results.Created(location, new PaymentResponse(
                checkout.Provider.ToString(), checkout.MerchantReference, "approved", payment.TransactionId, payment.ProviderStatus,
                new Dictionary<string, string> { ["self"] = location }));
        }
        catch (ProviderOutcomeUnknownException)
        {
            // The provider may have charged the customer, and PaymentHttp did not resend the payment. That is not an
            // error the client can act on by retrying: accept the order and say where its payment can be looked up.
            // Only this endpoint knows the merchant reference, so the answer is made here, not in the exception handler.
            return Results.Accepted(location, new PaymentResponse(
                checkout.Provider.ToString(), checkout.MerchantReference, "unknown", TransactionId: null, ProviderStatus: null,
                new Dictionary<string, string> { ["reconcile"] = location },
                "The provider's answer was lost (a timeout or a dropped connection), and the payment may have been charged. Look it up at the reconcile link before charging again."));
        }
    }

    private static async Task<IResult> FindAsync(string reference, string? provider, ConfiguredProviders providers, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CheckoutValidator.TryProvider(provider, providers, errors, out var chosen))
        {
            return Results.ValidationProblem(errors);
        }

        using var response = await clients.CreateClient(chosen.ToString()).SendAsync(ProviderApi.Lookup(chosen, reference), cancellationToken);
        var payment = await ProviderReplies.ReadLookupAsync(chosen, response, cancellationToken);
        if (payment is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Payment not found",
                detail: $"{chosen} has no payment with this merchant reference.");
        }

        var self = PaymentLocation(chosen, reference);
        return Results.Ok(new PaymentResponse(chosen.ToString(), reference, "found", payment.TransactionId, payment.ProviderStatus,
            new Dictionary<string, string> { ["self"] = self }));
    }

    /// <summary>Where a payment is looked up: the reference alone does not say which provider holds it.</summary>
    private static string PaymentLocation(PaymentProvider provider, string reference) =>
        string.Create(CultureInfo.InvariantCulture, $"/payments/{Uri.EscapeDataString(reference)}?provider={provider}");
}
