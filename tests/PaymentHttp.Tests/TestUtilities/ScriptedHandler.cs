using System.Net;
using System.Text;

namespace PaymentHttp.Tests.TestUtilities;

/// <summary>
/// A primary handler that plays a script, one step per attempt, and records what each attempt sent.
/// An attempt past the end of the script fails the test loudly.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps = new();
    private readonly object _gate = new();
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _forever;

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Gets the Content-Type each attempt was sent with, or null for a request without content.</summary>
    public List<string?> ContentTypes { get; } = [];

    public List<HttpResponseMessage> Responses { get; } = [];

    /// <summary>Gets the original content of every response, captured before any handler could replace it.</summary>
    public List<HttpContent> OriginalContents { get; } = [];

    public int Attempts
    {
        get
        {
            lock (_gate)
            {
                return Requests.Count;
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string? body, string contentType = "application/json")
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new TrackedContent(Encoding.UTF8.GetBytes(body ?? string.Empty)),
        };
        if (body is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return response;
    }

    public ScriptedHandler Respond(HttpStatusCode status, string? body = null, Action<HttpResponseMessage>? configure = null)
        => Then((_, _) =>
        {
            var response = Json(status, body);
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    public ScriptedHandler Throw(Exception exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        lock (_gate)
        {
            _steps.Enqueue(step);
        }

        return this;
    }

    /// <summary>Answers every attempt after the scripted ones with the same step.</summary>
    public ScriptedHandler Always(HttpStatusCode status, string? body = null)
    {
        _forever = (_, _) => Task.FromResult(Json(status, body));
        return this;
    }

    public ScriptedHandler Always(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _forever = step;
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step;
        lock (_gate)
        {
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri, headers, body));
            ContentTypes.Add(request.Content?.Headers.ContentType?.ToString());
            step = _steps.Count > 0
                ? _steps.Dequeue()
                : _forever ?? throw new InvalidOperationException($"Unexpected attempt #{Requests.Count}: the script has no step left.");
        }

        var response = await step(request, cancellationToken);
        response.RequestMessage ??= request;
        lock (_gate)
        {
            Responses.Add(response);
            OriginalContents.Add(response.Content);
        }

        return response;
    }
}
