namespace PaymentHttp.IntegrationTests.Secrets;

/// <summary>
/// One form in which a provider echoes a secret: the text it sends back, the credentials of the request it quotes,
/// the strings that must appear in no sink, and the card number it carries, if any (checked with its separators removed).
/// </summary>
public sealed record EchoedSecret(string Name, CredentialSet Credentials, string Echo, string[] Forbidden, string? Card = null)
{
    public override string ToString() => Name;
}
