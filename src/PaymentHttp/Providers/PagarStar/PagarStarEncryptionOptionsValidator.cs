using System.Text;
using Microsoft.Extensions.Options;

namespace PaymentHttp;

/// <summary>Checks the PTS secrets at start-up without ever echoing them.</summary>
internal sealed class PagarStarEncryptionOptionsValidator : IValidateOptions<PagarStarEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, PagarStarEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.SafeCode))
        {
            return ValidateOptionsResult.Fail($"PagarStar encryption for client '{name}': SafeCode is required.");
        }

        var length = Encoding.UTF8.GetByteCount(options.SafeCode);
        if (length is not (16 or 24 or 32))
        {
            return ValidateOptionsResult.Fail(
                $"PagarStar encryption for client '{name}': SafeCode must be 16, 24 or 32 bytes long in UTF-8 (was {length} bytes).");
        }

        return options.TransactionSecret is { Length: 0 }
            ? ValidateOptionsResult.Fail($"PagarStar encryption for client '{name}': TransactionSecret must not be empty when set.")
            : ValidateOptionsResult.Success;
    }
}
