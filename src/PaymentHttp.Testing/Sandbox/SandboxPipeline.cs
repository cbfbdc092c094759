using Microsoft.AspNetCore.Http;

namespace PaymentHttp.Testing;

/// <summary>
/// The one request handler of the sandbox: count the request, answer an outage, apply the rate limit, check credentials, let the
/// provider simulator recognise the request, take the planned fault for its merchant reference, process it
/// (charging the ledger) and put the response on the wire as the fault dictates.
/// </summary>
internal sealed class SandboxPipeline
{
    private readonly SandboxRouter _router;
    private readonly SandboxFaults _faults;
    private readonly SandboxTraffic _traffic;
    private readonly CancellationToken _stopping;

    public SandboxPipeline(SandboxRouter router, SandboxFaults faults, SandboxTraffic traffic, CancellationToken stopping)
    {
        _router = router;
        _faults = faults;
        _traffic = traffic;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (!_router.TryMatch(context.Request.Path, out var simulator, out var path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var provider = simulator.Provider;
        var aborted = context.RequestAborted;
        _traffic.CountRequest(provider);
        if (_traffic.IsDown(provider))
        {
            await SandboxResponseWriter.WriteAsync(context, simulator.Unavailable(), aborted).ConfigureAwait(false);
            return;
        }

        if (_traffic.RateLimit(provider)?.TryAcquire() is { } retryAfter)
        {
            await SandboxResponseWriter.WriteAsync(context, SandboxResponseWriter.WithRetryAfter(simulator.TooManyRequests(), retryAfter), aborted).ConfigureAwait(false);
            return;
        }

        var request = await SandboxRequest.ReadAsync(context, path, aborted).ConfigureAwait(false);
        if (!simulator.IsAuthenticated(request))
        {
            await SandboxResponseWriter.WriteAsync(context, simulator.AuthenticationFailed(request), aborted).ConfigureAwait(false);
            return;
        }

        var operation = simulator.Parse(request);
        if (operation is RejectedOperation rejected)
        {
            await SandboxResponseWriter.WriteAsync(context, rejected.Response, aborted).ConfigureAwait(false);
            return;
        }

        var fault = operation.Reference is { } reference ? _faults.Next(provider, reference) : SandboxFault.None;
        if (fault.Kind is SandboxFaultKind.Refuse or SandboxFaultKind.ResetBeforeProcessing)
        {
            // A refusal reaches the server only from a client without the sandbox's handler: the closest the
            // server can do is to drop the connection unprocessed.
            context.Abort();
            return;
        }

        if (fault.Kind == SandboxFaultKind.Redirect && fault.StatusCode != System.Net.HttpStatusCode.SeeOther)
        {
            // A moved endpoint answers before doing anything.
            await SandboxResponseWriter.WriteRedirectAsync(context, (int)fault.StatusCode!.Value, Location(context, fault, "moved"), aborted).ConfigureAwait(false);
            return;
        }

        if (AnswerInsteadOfProcessing(simulator, operation, fault) is { } answer)
        {
            await SandboxResponseWriter.WriteAsync(context, answer, aborted).ConfigureAwait(false);
            return;
        }

        var response = operation is PaymentOperation payment ? simulator.Pay(payment) : simulator.Query((QueryOperation)operation);
        switch (fault.Kind)
        {
            case SandboxFaultKind.ResetAfterCharging:
                context.Abort();
                return;
            case SandboxFaultKind.ServerErrorAfterCharging:
                await SandboxResponseWriter.WriteAsync(context, simulator.ServerError(), aborted).ConfigureAwait(false);
                return;
            case SandboxFaultKind.MalformedBody:
                await SandboxResponseWriter.WriteMalformedAsync(context, response, aborted).ConfigureAwait(false);
                return;
            case SandboxFaultKind.TruncatedBody:
                await SandboxResponseWriter.WriteTruncatedAsync(context, response, aborted).ConfigureAwait(false);
                return;
            case SandboxFaultKind.Redirect:
                // 303 See Other: the provider acted and points to the result.
                await SandboxResponseWriter.WriteRedirectAsync(context, (int)fault.StatusCode!.Value, Location(context, fault, "result"), aborted).ConfigureAwait(false);
                return;
            case SandboxFaultKind.Chunked:
                await SandboxResponseWriter.WriteChunkedAsync(context, response, aborted).ConfigureAwait(false);
                return;
            case SandboxFaultKind.Compressed:
            case SandboxFaultKind.CorruptCompressed:
                await SandboxResponseWriter.WriteCompressedAsync(context, response, fault.ContentEncoding!, fault.Kind == SandboxFaultKind.CorruptCompressed, aborted).ConfigureAwait(false);
                return;
            case SandboxFaultKind.Delay when !await HoldAsync(fault.Duration!.Value, aborted).ConfigureAwait(false):
                context.Abort();
                return;
            default:
                await SandboxResponseWriter.WriteAsync(context, response, aborted).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>The response of a fault that answers without processing, or <see langword="null"/> to process the request.</summary>
    private static SandboxResponse? AnswerInsteadOfProcessing(ProviderSimulator simulator, SandboxOperation operation, SandboxFault fault) => fault.Kind switch
    {
        SandboxFaultKind.TooManyRequests => SandboxResponseWriter.WithRetryAfter(simulator.TooManyRequests(), fault.RetryAfter),
        SandboxFaultKind.ServiceUnavailable => simulator.Unavailable(),
        SandboxFaultKind.ProviderError => simulator.ProviderError(operation, fault.ProviderCode!, (int?)fault.StatusCode),
        _ => null,
    };

    /// <summary>
    /// Where a redirect points: under the request's own path on the sandbox, or on another host with a query that
    /// must never be echoed.
    /// </summary>
    private static string Location(HttpContext context, SandboxFault fault, string segment)
    {
        var request = context.Request;
        return fault.ToAnotherOrigin
            ? $"https://payments.elsewhere.example{request.PathBase}{request.Path}/{segment}?token=sandbox-redirect-secret"
            : $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}/{segment}";
    }

    /// <summary>Holds a response; <see langword="false"/> when the client went away or the sandbox is stopping first.</summary>
    private async Task<bool> HoldAsync(TimeSpan duration, CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping);
        try
        {
            await Task.Delay(duration, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
