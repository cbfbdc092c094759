using System.Runtime.ExceptionServices;

namespace PaymentHttp;

/// <summary>
/// Keeps wire data out of the inner exceptions PaymentHttp exposes. .NET quotes what it received in some messages
/// (<c>Received an invalid header line: '…'</c>); such an exception, or one with such an exception inside it, is
/// replaced by a stand-in with the message redacted: an <see cref="HttpRequestException"/> or
/// <see cref="HttpIOException"/> keeps its type, <see cref="HttpRequestException.HttpRequestError"/> and status code,
/// a plain <see cref="IOException"/> its type, anything else becomes a <see cref="RedactedException"/> named after
/// it; each keeps the original stack trace and HResult. <see cref="Exception.Data"/> is not carried over. An
/// exception chain with nothing to redact is returned as it is.
/// </summary>
internal static class ExceptionRedactor
{
    // Deeper chains are cut here: nothing on the wire builds them, and the walk must be bounded.
    private const int MaxDepth = 16;

    public static Exception Redact(Exception exception, in RequestSecrets secrets) =>
        NeedsRedaction(exception, secrets, 0) ? StandIn(exception, secrets, 0) : exception;

    private static bool NeedsRedaction(Exception exception, in RequestSecrets secrets, int depth)
    {
        var message = exception.Message;
        return depth >= MaxDepth
            || !ReferenceEquals(SecretRedactor.Redact(message, secrets), message)
            || (exception.InnerException is { } inner && NeedsRedaction(inner, secrets, depth + 1));
    }

    private static Exception StandIn(Exception exception, in RequestSecrets secrets, int depth)
    {
        if (depth >= MaxDepth)
        {
            return new RedactedException(exception.GetType().FullName ?? "Exception", "(deeper exceptions omitted)", innerException: null);
        }

        var inner = exception.InnerException is { } original
            ? NeedsRedaction(original, secrets, depth + 1) ? StandIn(original, secrets, depth + 1) : original
            : null;
        var message = SecretRedactor.Redact(exception.Message, secrets);
        if (ReferenceEquals(inner, exception.InnerException) && ReferenceEquals(message, exception.Message))
        {
            return exception;
        }

        Exception standIn = exception switch
        {
            HttpRequestException request when request.GetType() == typeof(HttpRequestException) =>
                new HttpRequestException(request.HttpRequestError, message, inner, request.StatusCode),
            HttpIOException io when io.GetType() == typeof(HttpIOException) => new HttpIOException(io.HttpRequestError, message, inner),
            IOException when exception.GetType() == typeof(IOException) => new IOException(message, inner),
            _ => new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, message, inner),
        };

        standIn.HResult = exception.HResult;
        if (exception.StackTrace is { } stackTrace)
        {
            ExceptionDispatchInfo.SetRemoteStackTrace(standIn, stackTrace);
        }

        return standIn;
    }
}
