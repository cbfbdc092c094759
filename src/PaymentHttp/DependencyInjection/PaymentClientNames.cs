namespace PaymentHttp;

/// <summary>
/// The client names registered in one service collection, so that registering a name twice fails at once with a
/// clear message instead of stacking a second set of handlers on the client.
/// </summary>
internal sealed class PaymentClientNames
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public void Add(string name)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException(
                $"PaymentHttp handlers are already registered for the HttpClient '{name}'. Register each payment provider client once.");
        }
    }
}
