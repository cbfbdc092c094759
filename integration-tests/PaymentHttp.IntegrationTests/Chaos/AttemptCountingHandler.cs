namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// Sits inside the PaymentHttp handlers, so it sees every HTTP attempt — retries and refused connections included —
/// and counts them on the request's <see cref="AttemptTally"/> and in a total shared by the run, together with the
/// attempts that ended because their token was cancelled (the attempt timeout; the chaos run never cancels calls).
/// </summary>
public sealed class AttemptCountingHandler : DelegatingHandler
{
    private readonly AttemptTally _total;

    public AttemptCountingHandler(AttemptTally total)
    {
        _total = total;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _total.Add();
        request.Options.TryGetValue(AttemptTally.Key, out var tally);
        tally?.Add();
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _total.AddTimedOut();
            tally?.AddTimedOut();
            throw;
        }
    }
}
