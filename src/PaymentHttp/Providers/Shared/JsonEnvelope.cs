using System.Text;
using System.Text.Json;

namespace PaymentHttp;

/// <summary>
/// Reads provider error envelopes straight from the body bytes with <see cref="Utf8JsonReader"/>: no DOM, no
/// reflection. Whatever the bytes are — truncated, deeply nested, wrong types, invalid UTF-8 — parsing stops
/// quietly and keeps what it read so far; the status then decides what the body could not.
/// </summary>
internal static class JsonEnvelope
{
    /// <summary>Lists from a body are capped so that a hostile body cannot make classification expensive.</summary>
    public const int MaxListItems = 32;

    /// <summary>Strings from a body are capped for the same reason; provider messages are short.</summary>
    public const int MaxStringLength = 1024;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = 32,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads one property: called with the reader on the property name; must consume the value.</summary>
    public delegate void PropertyReader(ref Utf8JsonReader reader, ErrorEnvelope envelope);

    /// <summary>Reads one object of an array: called with the reader on its start; must consume it to its end.</summary>
    public delegate void ItemReader(ref Utf8JsonReader reader, ErrorEnvelope envelope);

    /// <summary>
    /// Parses the body's top-level object with <paramref name="readProperty"/>, which is called on each property
    /// name and must consume the property's value. Returns <see langword="false"/> when the body is not a JSON object.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> body, ErrorEnvelope envelope, PropertyReader readProperty)
    {
        if (!TryOpenObject(body, out var reader))
        {
            return false;
        }

        try
        {
            ReadObject(ref reader, envelope, readProperty);
        }
        catch (JsonException)
        {
            // Truncated, malformed or too deep: keep what was read.
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in a string, or a token of an unexpected kind: keep what was read.
        }

        return true;
    }

    /// <summary>Calls <paramref name="readProperty"/> for each property of the object the reader is on.</summary>
    public static void ReadObject(ref Utf8JsonReader reader, ErrorEnvelope envelope, PropertyReader readProperty)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                readProperty(ref reader, envelope);
            }
        }
    }

    /// <summary>
    /// Reads the value after a property name as text: a string as it is, a number or boolean as its JSON text.
    /// An object, array or null gives <see langword="null"/> and is skipped (<c>"code": {}</c> is not a code).
    /// </summary>
    public static string? ReadScalar(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Cap(reader.GetString());
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>
    /// Reads the value after a property name as a provider code, normalised by <see cref="ProviderCode"/>
    /// (<c>1</c>, <c>1.0</c>, <c>1e0</c> and <c>"1"</c> are all <c>"1"</c>). Only a string or a number is a code:
    /// <c>null</c>, <c>true</c>, an object or an array gives <see langword="null"/> and is skipped.
    /// </summary>
    public static string? ReadCode(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ProviderCode.Normalize(Cap(reader.GetString()));
            case JsonTokenType.Number:
                return ProviderCode.FromJsonNumber(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>
    /// Reads an array of strings (other items are skipped) or a single string after a property name: as details
    /// when <paramref name="field"/> is <see langword="null"/>, otherwise as messages of that field. Items past the
    /// list cap are skipped without being decoded, so a hostile body cannot make the work grow.
    /// </summary>
    public static void ReadStrings(ref Utf8JsonReader reader, ErrorEnvelope envelope, string? field)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            Add(ref reader, envelope, field);
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String && !IsFull(envelope, field))
            {
                Add(ref reader, envelope, field);
            }
            else
            {
                reader.Skip();
            }
        }

        static bool IsFull(ErrorEnvelope envelope, string? field) =>
            (field is null ? envelope.DetailCount : envelope.FieldErrorCount) >= MaxListItems;

        static void Add(ref Utf8JsonReader reader, ErrorEnvelope envelope, string? field)
        {
            var value = Cap(reader.GetString())!;
            if (field is null)
            {
                envelope.AddDetail(value);
            }
            else
            {
                envelope.AddFieldError(field, value);
            }
        }
    }

    /// <summary>
    /// Finds a top-level property without decoding anything else and leaves <paramref name="value"/> on its value
    /// token; when the property appears twice the last one counts, as in a full parse. Used on 2xx bodies, where the
    /// common answer is "success" and nothing should be allocated. <paramref name="broken"/> tells a body that
    /// starts as a JSON object but cannot be read to its end (cut, malformed, too deep) from one that is complete.
    /// </summary>
    public static bool TryFindTopLevel(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name, out Utf8JsonReader value, out bool broken)
    {
        value = default;
        broken = false;
        var found = false;
        if (!TryOpenObject(body, out var reader))
        {
            return false;
        }

        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = reader.ValueTextEquals(name);
                reader.Read();
                if (matches)
                {
                    value = reader;
                    found = true;
                }

                reader.Skip();
            }

            broken = reader.TokenType != JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            broken = true; // keep what was found before the break, as a full parse would
        }

        return found;
    }

    /// <summary>Whether the value token is <paramref name="expected"/> as a string or as a number, compared without allocating.</summary>
    public static bool ValueEquals(ref Utf8JsonReader value, ReadOnlySpan<byte> expected)
    {
        try
        {
            return value.TokenType switch
            {
                JsonTokenType.String => value.ValueTextEquals(expected),
                JsonTokenType.Number => value.ValueSpan.SequenceEqual(expected), // a number's text is never escaped
                _ => false,
            };
        }
        catch (InvalidOperationException)
        {
            return false; // an escape that is not valid UTF-16, such as a lone surrogate
        }
    }

    /// <summary>Whether the value token is a string or a number, which is what a code can be.</summary>
    public static bool IsScalar(ref Utf8JsonReader value) => value.TokenType is JsonTokenType.String or JsonTokenType.Number;

    /// <summary>The code the value token holds, normalised as <see cref="ReadCode"/> does; the reader is left on the token.</summary>
    public static string? CodeOf(ref Utf8JsonReader value)
    {
        try
        {
            return value.TokenType switch
            {
                JsonTokenType.String => ProviderCode.Normalize(Cap(value.GetString())),
                JsonTokenType.Number => ProviderCode.FromJsonNumber(value.ValueSpan),
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            return null; // an escape that is not valid UTF-16, such as a lone surrogate
        }
    }

    /// <summary>
    /// Reads <c>code</c> and <c>message</c>, the two properties every envelope has: returns <see langword="true"/>
    /// when the property was one of them (and its value was consumed).
    /// </summary>
    public static bool TryReadCodeOrMessage(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (reader.ValueTextEquals("code"u8))
        {
            envelope.Code = ReadCode(ref reader);
            return true;
        }

        if (reader.ValueTextEquals("message"u8))
        {
            envelope.Message = ReadScalar(ref reader);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Reads an array of field-error objects after a property name, one object per <paramref name="readItem"/>
    /// call. Items past the list cap, and items that are not objects, are skipped without being decoded.
    /// </summary>
    public static void ReadFieldErrorArray(ref Utf8JsonReader reader, ErrorEnvelope envelope, ItemReader readItem)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject && envelope.FieldErrorCount < MaxListItems)
            {
                readItem(ref reader, envelope);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>Skips the value after a property name.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Whether the first non-blank byte opens an object: a cheap test before any parsing.</summary>
    public static bool LooksLikeObject(ReadOnlySpan<byte> body)
    {
        foreach (var b in SkipBom(body))
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    /// <summary>Positions a reader on the body's top-level object; <see langword="false"/> when there is none.</summary>
    private static bool TryOpenObject(ReadOnlySpan<byte> body, out Utf8JsonReader reader)
    {
        reader = new Utf8JsonReader(SkipBom(body), ReaderOptions);
        return LooksLikeObject(body) && reader.Read() && reader.TokenType == JsonTokenType.StartObject;
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> body) =>
        body.StartsWith("\uFEFF"u8) ? body[3..] : body;

    private static string? Cap(string? value) =>
        value is { Length: > MaxStringLength } ? value[..MaxStringLength] : value;
}
