using System.Globalization;
using System.Text.Json;

namespace PaymentHttp.Testing;

/// <summary>Small, lenient JSON helpers: providers send numbers as strings and strings as numbers.</summary>
internal static class SandboxJson
{
    /// <summary>Parses a JSON object, or returns <see langword="null"/> when the body is not one.</summary>
    public static JsonDocument? TryParseObject(ReadOnlyMemory<byte> body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A property as text: a string, or a number's digits; <see langword="null"/> when missing, empty or another kind.</summary>
    public static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>A property as a decimal, from a number or a numeric string.</summary>
    public static decimal? Decimal(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String => ParseDecimal(value.GetString()),
            _ => null,
        };
    }

    /// <summary>A property as a whole number (minor units), from a JSON number only.</summary>
    public static long? Integer(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    /// <summary>Parses a decimal written with invariant culture.</summary>
    public static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;
}
