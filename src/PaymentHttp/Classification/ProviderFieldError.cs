namespace PaymentHttp;

/// <summary>
/// A problem with one field of the request, as reported by the provider.
/// </summary>
public sealed class ProviderFieldError
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderFieldError"/> class.
    /// </summary>
    /// <param name="field">The name or path of the field, as the provider spells it.</param>
    /// <param name="message">What is wrong with the field.</param>
    public ProviderFieldError(string field, string message)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(message);
        Field = field;
        Message = message;
    }

    /// <summary>Gets the name or path of the field, as the provider spells it.</summary>
    public string Field { get; }

    /// <summary>Gets what is wrong with the field.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Message}";
}
