using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace PaymentHttp.WebApi.Problems;

/// <summary>
/// Answers PaymentHttp's typed exceptions with problem details (<see cref="PaymentProblems"/>), and
/// <c>Retry-After</c> when the provider or the circuit breaker said how long to wait. Any other exception is left to
/// the default handler: a plain 500.
/// </summary>
internal sealed class PaymentExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not PaymentProviderException payment)
        {
            return false;
        }

        var problem = PaymentProblems.For(payment);
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (RetryAfter(payment) is { } wait)
        {
            // Whole seconds, rounded up, at least 1: "Retry-After: 0" invites an immediate retry storm.
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static TimeSpan? RetryAfter(PaymentProviderException exception) => exception switch
    {
        ProviderRateLimitedException limited => limited.RetryAfter,
        ProviderUnavailableException unavailable => unavailable.RetryAfter, // for an open circuit: the rest of the break
        _ => null,
    };
}
