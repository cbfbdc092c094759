using Polly;

namespace PaymentHttp.Tests.TestUtilities;

/// <summary>
/// A resilience handler shaped like Microsoft.Extensions.Http.Resilience's (which cannot be restored here): pooled
/// context, the request under the "Resilience.Http.RequestMessage" key, a static callback, exceptions as outcomes.
/// It stands for a user's own resilience pipeline around PaymentHttp's handlers.
/// </summary>
public sealed class ExternalResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Resilience.Http.RequestMessage");

    public int Executions { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (context, state) =>
                {
                    state.handler.Executions++;
                    try
                    {
                        return Outcome.FromResult(await state.handler.SendCoreAsync(state.request, context.CancellationToken));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (handler: this, request));
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
