namespace PaymentHttp;

/// <summary>
/// Which provider and classifier a named client was registered for. Kept as named options so that it follows the
/// same naming as the HttpClient and <see cref="PaymentProviderClientOptions"/>.
/// </summary>
internal sealed class PaymentClientRegistration
{
    public PaymentProvider? Provider { get; private set; }

    public PaymentErrorClassifier? Classifier { get; private set; }

    /// <summary>Gets fixed secret values of the client (the PagarStar safecode and transaction secret), redacted by value.</summary>
    public IList<string?> KnownSecrets { get; } = new List<string?>();

    public void Set(PaymentProvider? provider, PaymentErrorClassifier classifier)
    {
        Provider = provider;
        Classifier = classifier;
    }
}
