using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace PaymentHttp.WebApi.Problems;

/// <summary>
/// Answers a request the framework could not bind — a malformed JSON body, a wrong content type, a body too large —
/// with a problem carrying the framework's own status (400, 415, 413), never a 500. In Development ASP.NET Core throws
/// these instead of answering them, so without this handler they would reach the client as server errors.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read",
                Detail = "Check that the body is JSON of the documented shape, sent with Content-Type: application/json.",
            },
            Exception = exception,
        });
    }
}
