using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaymentHttp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds PagarStar PTS request encoding to a PaymentHttp client.
/// </summary>
public static class PagarStarHttpClientBuilderExtensions
{
    /// <summary>
    /// Encrypts each request body the way PTS requires — AES-ECB with PKCS7 padding keyed by the merchant safecode,
    /// base64, sent as <c>text/plain</c> — signs it with <c>X-Transaction-Signature</c> when a transaction secret is
    /// set, and decrypts responses that arrive as base64 ciphertext before they are classified. Write request
    /// bodies as plain JSON (including PTS's own <c>sign</c> field); every retry sends the same encrypted bytes.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddPaymentProviderClient(..., PaymentProvider.PagarStar, ...)</c>.</param>
    /// <param name="configure">Sets the merchant secrets; validated at start-up.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="InvalidOperationException">The client is not a PaymentHttp PagarStar client, or it is not registered yet.</exception>
    public static IHttpClientBuilder AddPagarStarEncryption(this IHttpClientBuilder builder, Action<PagarStarEncryptionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var name = builder.Name;
        var registration = PaymentClientRegistration.Find(builder.Services, name);
        if (registration?.Provider != PaymentProvider.PagarStar)
        {
            throw new InvalidOperationException(
                $"AddPagarStarEncryption needs the HttpClient '{name}' to be registered first with AddPaymentProviderClient(..., PaymentProvider.PagarStar, ...), so that responses are decrypted before they are classified.");
        }

        builder.Services.AddOptions<PagarStarEncryptionOptions>(name).Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PagarStarEncryptionOptions>, PagarStarEncryptionOptionsValidator>());
        registration.SecretSources.Add(serviceProvider =>
        {
            var secrets = serviceProvider.GetRequiredService<IOptionsMonitor<PagarStarEncryptionOptions>>().Get(name);
            return [secrets.SafeCode, secrets.TransactionSecret]; // redacted by value wherever a provider echoes them
        });

        // Added after the PaymentHttp handlers, so it runs innermost: once per attempt, next to the network.
        return builder.AddHttpMessageHandler(serviceProvider =>
        {
            var options = serviceProvider.GetRequiredService<IOptionsMonitor<PagarStarEncryptionOptions>>().Get(name);
            return new PagarStarEncryptionHandler(new PagarStarCipher(options.SafeCode!, options.TransactionSecret));
        });
    }
}
