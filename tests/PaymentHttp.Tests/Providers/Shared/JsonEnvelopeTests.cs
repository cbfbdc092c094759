using System.Text;
using System.Text.Json;

namespace PaymentHttp.Tests.Providers.Shared;

public sealed class JsonEnvelopeTests
{
    public static TheoryData<string, string?> Scalars => new()
    {
        // JSON value after "v", what ReadScalar gives
        { "\"card_declined\"", "card_declined" },
        { "\"\"", "" },
        { "\"caf\\u00e9 \\\"quoted\\\"\"", "café \"quoted\"" },
        { "1035", "1035" },
        { "-1", "-1" },
        { "3.5", "3.5" },
        { "1e3", "1e3" },
        { "123456789012345678901234567890", "123456789012345678901234567890" },
        { "true", "true" },
        { "false", "false" },
        { "null", null },
        { "{}", null },
        { "{\"code\":\"inner\",\"deep\":{\"x\":[1,2]}}", null },
        { "[]", null },
        { "[1035,\"x\",{\"a\":1}]", null },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void ReadScalar_EachJsonKind_ReturnsTextOrNullAndLeavesTheReaderOnTheValueEnd(string json, string? expected)
    {
        var (value, next) = ReadScalarThenNextProperty("{\"v\":" + json + ",\"next\":1}");

        value.ShouldBe(expected);
        next.ShouldBe("next");
    }

    [Fact]
    public void ReadScalar_LongString_CappedAtMaxStringLength()
    {
        var (value, _) = ReadScalarThenNextProperty("{\"v\":\"" + new string('m', 5000) + "\",\"next\":1}");

        value.ShouldBe(new string('m', JsonEnvelope.MaxStringLength));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"code\":1}")]
    [InlineData(" {")]
    [InlineData("\r\n\t {")]
    [InlineData("{ not json at all")]
    public void LooksLikeObject_FirstNonBlankByteIsABrace_True(string body)
    {
        JsonEnvelope.LooksLikeObject(Encoding.UTF8.GetBytes(body)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("[{}]")]
    [InlineData("\"{\"")]
    [InlineData("null")]
    [InlineData("<html>{</html>")]
    [InlineData("x{}")]
    [InlineData("\f{}")]
    public void LooksLikeObject_AnythingElse_False(string body)
    {
        JsonEnvelope.LooksLikeObject(Encoding.UTF8.GetBytes(body)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData(" \r\n{}", true)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData("[]", false)]
    public void LooksLikeObject_AfterUtf8Bom_JudgesWhatFollows(string afterBom, bool expected)
    {
        byte[] body = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(afterBom)];

        JsonEnvelope.LooksLikeObject(body).ShouldBe(expected);
    }

    [Fact]
    public void LooksLikeObject_TwoBoms_False()
    {
        byte[] body = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetPreamble(), .. "{}"u8];

        JsonEnvelope.LooksLikeObject(body).ShouldBeFalse();
    }

    [Fact]
    public void TryRead_ObjectAfterBom_ReadsIt()
    {
        var envelope = new ErrorEnvelope();
        byte[] body = [.. Encoding.UTF8.GetPreamble(), .. "{\"code\":\"5068\"}"u8];

        JsonEnvelope.TryRead(body, envelope, ReadCode).ShouldBeTrue();

        envelope.Code.ShouldBe("5068");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[{\"code\":\"5068\"}]")]
    [InlineData("\"5068\"")]
    [InlineData("<html>")]
    public void TryRead_NotAnObject_FalseAndNothingRead(string body)
    {
        var envelope = new ErrorEnvelope();

        JsonEnvelope.TryRead(Encoding.UTF8.GetBytes(body), envelope, ReadCode).ShouldBeFalse();

        envelope.Code.ShouldBeNull();
    }

    [Theory]
    [InlineData("{\"code\":\"5068\",\"message\":\"cut in the mid", "5068")]
    [InlineData("{\"code\":\"5068\",", "5068")]
    [InlineData("{\"code\":\"5068\"", "5068")]
    [InlineData("{\"code\":\"50", null)]
    [InlineData("{\"code\":", null)]
    [InlineData("{\"co", null)]
    [InlineData("{\"code\":\"5068\",\"a\":tru", "5068")]
    [InlineData("{\"code\":\"5068\",,,}", "5068")]
    [InlineData("{\"code\":\"5068\",\"a\":1}trailing", "5068")]
    [InlineData("{\"code\":\"5068\"} {\"code\":\"1\"}", "5068")]
    public void TryRead_MalformedAfterTheCode_KeepsWhatWasRead(string body, string? expected)
    {
        var envelope = new ErrorEnvelope();

        JsonEnvelope.TryRead(Encoding.UTF8.GetBytes(body), envelope, ReadCode).ShouldBeTrue();

        envelope.Code.ShouldBe(expected);
    }

    [Theory]
    [InlineData("{\"code\":3")]
    [InlineData("{\"code\":30")]
    [InlineData("{\"code\":-")]
    [InlineData("{\"code\":3.")]
    [InlineData("{\"code\":3e")]
    [InlineData("{\"code\":3e+")]
    public void TryRead_BodyEndsInsideANumber_NumberNotTakenForTheCode(string body)
    {
        // "code":3 may be the first digit of 3004: where the body ends, the number's end was not seen.
        var envelope = new ErrorEnvelope();

        JsonEnvelope.TryRead(Encoding.UTF8.GetBytes(body), envelope, ReadCode).ShouldBeTrue();

        envelope.Code.ShouldBeNull();
    }

    [Theory]
    [InlineData("{\"code\":3004 ")]
    [InlineData("{\"code\":3004\n")]
    [InlineData("{\"code\":3004,")]
    [InlineData("{\"code\":3004}")]
    public void TryRead_NumberWhoseEndWasSeen_IsTheCode(string body)
    {
        var envelope = new ErrorEnvelope();

        JsonEnvelope.TryRead(Encoding.UTF8.GetBytes(body), envelope, ReadCode).ShouldBeTrue();

        envelope.Code.ShouldBe("3004");
    }

    [Fact]
    public void TryRead_DeepNestingAfterTheCode_StopsQuietlyKeepingTheCode()
    {
        var envelope = new ErrorEnvelope();
        var body = "{\"code\":\"5068\",\"deep\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        JsonEnvelope.TryRead(Encoding.UTF8.GetBytes(body), envelope, ReadCode).ShouldBeTrue();

        envelope.Code.ShouldBe("5068");
    }

    [Fact]
    public void TryRead_InvalidUtf8InAStringAfterTheCode_StopsQuietlyKeepingTheCode()
    {
        var envelope = new ErrorEnvelope();
        var body = MalformedBodies.WithInvalidUtf8("{\"code\":\"5068\",\"message\":\"bad ¤ bytes\",\"code2\":1}");

        JsonEnvelope.TryRead(body, envelope, ReadCodeAndMessage).ShouldBeTrue();

        envelope.Code.ShouldBe("5068");
        envelope.Message.ShouldBeNull();
    }

    [Fact]
    public void TryRead_InvalidUtf8InTheCode_NoCode()
    {
        var envelope = new ErrorEnvelope();

        JsonEnvelope.TryRead(MalformedBodies.WithInvalidUtf8("{\"code\":\"50¤68\"}"), envelope, ReadCode).ShouldBeTrue();

        envelope.Code.ShouldBeNull();
    }

    [Fact]
    public void TryRead_CommentsAndTrailingCommas_Tolerated()
    {
        var envelope = new ErrorEnvelope();

        JsonEnvelope.TryRead("{/* note */ \"code\": \"5068\", // why\n }"u8, envelope, ReadCode).ShouldBeTrue();

        envelope.Code.ShouldBe("5068");
    }

    [Fact]
    public void ReadObject_NotOnAnObject_SkipsTheValue()
    {
        var reader = new Utf8JsonReader("{\"error\":[1,{\"code\":\"x\"}],\"next\":1}"u8);
        reader.Read();
        reader.Read();
        reader.Read();
        var envelope = new ErrorEnvelope();

        JsonEnvelope.ReadObject(ref reader, envelope, ReadCode);

        envelope.Code.ShouldBeNull();
        reader.Read().ShouldBeTrue();
        reader.GetString().ShouldBe("next");
    }

    [Theory]
    [InlineData("[\"a\",\"b\"]", new[] { "a", "b" })]
    [InlineData("\"single\"", new[] { "single" })]
    [InlineData("[\"a\",1,{\"x\":\"y\"},[\"z\"],null,\"b\"]", new[] { "a", "b" })]
    [InlineData("5", new string[0])]
    [InlineData("{\"a\":\"b\"}", new string[0])]
    [InlineData("null", new string[0])]
    public void ReadStrings_ArrayOrSingleString_AddsOnlyStrings(string json, string[] expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"v\":" + json + ",\"next\":1}"));
        reader.Read();
        reader.Read();
        var envelope = new ErrorEnvelope();

        JsonEnvelope.ReadStrings(ref reader, envelope, field: null);

        envelope.ByStatus(System.Net.HttpStatusCode.BadRequest).Details.ShouldBe(expected);
        reader.Read().ShouldBeTrue();
        reader.GetString().ShouldBe("next");
    }

    [Fact]
    public void ReadStrings_LongArray_CappedAtMaxListItems()
    {
        var json = "[" + string.Join(',', Enumerable.Range(0, 100).Select(i => $"\"d{i}\"")) + "]";
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"v\":" + json + "}"));
        reader.Read();
        reader.Read();
        var envelope = new ErrorEnvelope();

        JsonEnvelope.ReadStrings(ref reader, envelope, field: null);

        var details = envelope.ByStatus(System.Net.HttpStatusCode.BadRequest).Details;
        details.Count.ShouldBe(JsonEnvelope.MaxListItems);
        details[^1].ShouldBe($"d{JsonEnvelope.MaxListItems - 1}");
        reader.TokenType.ShouldBe(JsonTokenType.EndArray);
    }

    [Fact]
    public void ReadStrings_WithField_AddsFieldErrors()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"v\":[\"too short\",\"not a number\"]}"));
        reader.Read();
        reader.Read();
        var envelope = new ErrorEnvelope();

        JsonEnvelope.ReadStrings(ref reader, envelope, field: "mobile_number");

        envelope.ByStatus(System.Net.HttpStatusCode.UnprocessableEntity).FieldErrors.Select(f => f.ToString())
            .ShouldBe(["mobile_number: too short", "mobile_number: not a number"]);
    }

    [Theory]
    [InlineData("{\"code\":1000,\"message\":\"ok\"}", true)]
    [InlineData("{\"code\":\"1000\"}", true)]
    [InlineData("{\"data\":{\"code\":1003},\"code\":1000}", true)]
    [InlineData("{\"code\":10000}", false)]
    [InlineData("{\"code\":1000.0}", false)]
    [InlineData("{\"code\":{}}", false)]
    [InlineData("{\"code\":\"1003\"}", false)]
    public void TryFindTopLevel_ValueEquals_ComparesCodesWithoutDecoding(string json, bool expected)
    {
        JsonEnvelope.TryFindTopLevel(Encoding.UTF8.GetBytes(json), "code"u8, out var value, out _).ShouldBeTrue();

        JsonEnvelope.ValueEquals(ref value, "1000"u8).ShouldBe(expected);
    }

    [Theory]
    [InlineData("{\"data\":{\"code\":1000}}")]
    [InlineData("[{\"code\":1000}]")]
    [InlineData("{\"message\":\"cut")]
    [InlineData("")]
    public void TryFindTopLevel_NoTopLevelProperty_ReturnsFalse(string json)
    {
        JsonEnvelope.TryFindTopLevel(Encoding.UTF8.GetBytes(json), "code"u8, out _, out _).ShouldBeFalse();
    }

    private static (string? Value, string? Next) ReadScalarThenNextProperty(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        reader.Read();
        var value = JsonEnvelope.ReadScalar(ref reader);
        reader.Read();
        return (value, reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null);
    }

    private static void ReadCode(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (reader.ValueTextEquals("code"u8))
        {
            envelope.Code = JsonEnvelope.ReadScalar(ref reader);
        }
        else
        {
            JsonEnvelope.SkipValue(ref reader);
        }
    }

    private static void ReadCodeAndMessage(ref Utf8JsonReader reader, ErrorEnvelope envelope)
    {
        if (reader.ValueTextEquals("message"u8))
        {
            envelope.Message = JsonEnvelope.ReadScalar(ref reader);
        }
        else
        {
            ReadCode(ref reader, envelope);
        }
    }
}
