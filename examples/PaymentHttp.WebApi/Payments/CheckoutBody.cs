using System.Text.Json;

namespace PaymentHttp.WebApi.Payments;

/// <summary>
/// Reads the body of <c>POST /checkout</c> and says what is wrong with it by field. Read by hand rather than bound
/// by the framework: binding stops at the first wrong value and answers a bare 400 (in Development, an exception
/// and a 500), where a client needs every field it got wrong, in this API's words.
/// </summary>
internal static class CheckoutBody
{
    /// <summary>Far more than any checkout needs; a larger body is refused before it is parsed.</summary>
    public const int MaxBytes = 16 * 1024;

    private const string Shape = "Send a JSON object with provider, merchantReference, amount (major units, for example 25.00) and currency.";

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };

    /// <summary>
    /// Reads the request, or returns <see langword="null"/> with the reason under <c>body</c> when there is no JSON
    /// object to read. Values of the wrong JSON type are reported under their field and read as missing.
    /// </summary>
    public static async Task<CheckoutRequest?> ReadAsync(HttpRequest http, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(http.Body, cancellationToken);
        if (body is null)
        {
            errors["body"] = [$"Larger than {MaxBytes} bytes. {Shape}"];
            return null;
        }

        if (body.Length == 0)
        {
            errors["body"] = [$"Empty. {Shape}"];
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException invalid)
        {
            errors["body"] = [$"Not valid JSON (line {invalid.LineNumber + 1}, byte {invalid.BytePositionInLine + 1}). {Shape}"];
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = [$"Not a JSON object. {Shape}"];
                return null;
            }

            var fields = document.RootElement;
            return new CheckoutRequest(
                String(fields, "provider", errors),
                String(fields, "merchantReference", errors),
                Amount(fields, errors),
                String(fields, "currency", errors),
                String(fields, "card", errors));
        }
    }

    private static string? String(JsonElement fields, string name, Dictionary<string, string[]> errors)
    {
        var value = Find(fields, name);
        switch (value?.ValueKind)
        {
            case JsonValueKind.String:
                return value.Value.GetString();
            case null or JsonValueKind.Null:
                return null;
            default:
                errors[name] = ["Must be a JSON string."];
                return null;
        }
    }

    private static decimal? Amount(JsonElement fields, Dictionary<string, string[]> errors)
    {
        var value = Find(fields, "amount");
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetDecimal(out var amount))
        {
            return amount;
        }

        errors["amount"] = ["Must be a JSON number in major units, for example 25.00 (not a string, not minor units)."];
        return null;
    }

    /// <summary>Finds a property ignoring case, as ASP.NET Core's own JSON binding does.</summary>
    private static JsonElement? Find(JsonElement fields, string name)
    {
        foreach (var property in fields.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>Reads the whole body, or returns <see langword="null"/> once it exceeds <see cref="MaxBytes"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
