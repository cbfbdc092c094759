namespace PaymentHttp;

/// <summary>
/// Switches automatic redirects off on a payment client's primary handler, whatever the user configured: the
/// handlers that follow redirects below PaymentHttp re-send payments and carry them to other origins unseen.
/// </summary>
internal static class PrimaryHandlerRedirects
{
    /// <summary>
    /// Turns redirects off on <paramref name="primary"/>, or on the handler it wraps (through
    /// <see cref="DelegatingHandler.InnerHandler"/>). Returns <see langword="false"/> when the handler at the end
    /// of the chain is of a type PaymentHttp does not know; <c>RedirectRule</c> then still keeps any redirect it
    /// follows from passing as a success.
    /// </summary>
    /// <exception cref="InvalidOperationException">The handler follows redirects and has already sent requests, so it can no longer be changed.</exception>
    public static bool SwitchOff(HttpMessageHandler? primary, string clientName)
    {
        var handler = primary;
        for (var depth = 0; handler is DelegatingHandler wrapper && depth < 64; depth++)
        {
            handler = wrapper.InnerHandler;
        }

        try
        {
            switch (handler)
            {
                case SocketsHttpHandler sockets:
                    if (sockets.AllowAutoRedirect)
                    {
                        sockets.AllowAutoRedirect = false;
                    }

                    return true;
                case HttpClientHandler client:
                    if (client.AllowAutoRedirect)
                    {
                        client.AllowAutoRedirect = false;
                    }

                    return true;
                default:
                    return false;
            }
        }
        catch (InvalidOperationException started)
        {
            throw new InvalidOperationException(
                $"PaymentHttp client '{clientName}': its primary handler ({handler!.GetType().Name}) follows redirects (AllowAutoRedirect is true) and has already sent requests, so PaymentHttp cannot switch that off. " +
                "A payment client must never follow a redirect: give it a handler of its own in ConfigurePrimaryHttpMessageHandler, or set AllowAutoRedirect = false on it before its first request.",
                started);
        }
    }
}
