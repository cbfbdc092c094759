using System.Text;
using System.Text.Json;

namespace PaymentHttp.Tests.Providers.Shared;

/// <summary>
/// A code is normalised once, in the shared reader, so that every provider's table sees the same code whatever way
/// the provider wrote it: numbers with an integral value as plain integers, strings holding a JSON number as that
/// number, anything else as written.
/// </summary>
public sealed class ProviderCodeTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData("1.000", "1")]
    [InlineData("1e0", "1")]
    [InlineData("1E0", "1")]
    [InlineData("1e+0", "1")]
    [InlineData("10e-1", "1")]
    [InlineData("0.1e1", "1")]
    [InlineData("1003", "1003")]
    [InlineData("1003.0", "1003")]
    [InlineData("1.003e3", "1003")]
    [InlineData("100300e-2", "1003")]
    [InlineData("1e3", "1000")]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("0.0", "0")]
    [InlineData("0e10", "0")]
    [InlineData("-1", "-1")]
    [InlineData("-1.0", "-1")]
    [InlineData("12345678901234567890123", "12345678901234567890123")] // beyond long: digits kept exactly
    public void FromJsonNumber_IntegralValue_PlainInteger(string number, string expected)
    {
        ProviderCode.FromJsonNumber(Encoding.UTF8.GetBytes(number)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.50")]
    [InlineData("0.5")]
    [InlineData("1e-1")]
    [InlineData("1e999999")]   // integral, but far too long to be a code anyone wrote: as sent
    [InlineData("1e99999999999999999999")]
    public void FromJsonNumber_NotIntegralOrTooLong_AsWritten(string number)
    {
        ProviderCode.FromJsonNumber(Encoding.UTF8.GetBytes(number)).ShouldBe(number);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData("1e0", "1")]
    [InlineData(" 1 ", "1")]
    [InlineData("\t1003.0\n", "1003")]
    [InlineData("1.5", "1.5")]
    [InlineData("007", "007")]          // a leading zero is not a JSON number: a zero-padded label, kept
    [InlineData("05", "05")]
    [InlineData("00", "00")]
    [InlineData("+1", "+1")]
    [InlineData("1.", "1.")]
    [InlineData(".5", ".5")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("12a", "12a")]
    [InlineData("card_declined", "card_declined")]
    [InlineData(" card_declined ", "card_declined")]
    [InlineData("ALTERNATE-PAYMENTS-INT-4", "ALTERNATE-PAYMENTS-INT-4")]
    [InlineData("١٢", "١٢")] // Arabic-Indic digits are not ASCII digits: a label
    public void Normalize_Text(string text, string expected)
    {
        ProviderCode.Normalize(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_Blank_NoCode(string? text)
    {
        ProviderCode.Normalize(text).ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"code":1}""", "1")]
    [InlineData("""{"code":1.0}""", "1")]
    [InlineData("""{"code":1e0}""", "1")]
    [InlineData("""{"code":"1"}""", "1")]
    [InlineData("""{"code":"1.0"}""", "1")]
    [InlineData("""{"code":" 1 "}""", "1")]
    [InlineData("""{"code":"\u0031"}""", "1")]
    [InlineData("""{"code":1.5}""", "1.5")]
    [InlineData("""{"code":"007"}""", "007")]
    [InlineData("""{"code":null}""", null)]
    [InlineData("""{"code":true}""", null)]
    [InlineData("""{"code":false}""", null)]
    [InlineData("""{"code":{"value":1}}""", null)]
    [InlineData("""{"code":[1]}""", null)]
    [InlineData("""{"code":""}""", null)]
    public void ReadCode_EveryJsonForm_OneCode(string body, string? expected)
    {
        var envelope = new ErrorEnvelope();

        JsonEnvelope.TryRead(Encoding.UTF8.GetBytes(body), envelope, static (ref Utf8JsonReader reader, ErrorEnvelope e) =>
        {
            if (!JsonEnvelope.TryReadCodeOrMessage(ref reader, e))
            {
                JsonEnvelope.SkipValue(ref reader);
            }
        }).ShouldBeTrue();

        envelope.Code.ShouldBe(expected);
    }

    [Theory]
    [InlineData("3005", true)]
    [InlineData("3005.0", false)] // not normalised here: the reader does that before any lookup
    [InlineData("03005", false)]  // a zero-padded label is not in a numeric range
    [InlineData("+3005", false)]
    [InlineData("-3005", false)]
    [InlineData("3001", true)]
    [InlineData("3027", true)]
    [InlineData("3028", false)]
    public void ErrorCodeTable_Range_MatchesOnlyPlainIntegers(string code, bool matches)
    {
        var table = new ErrorCodeTable { { "3001-3027", PaymentErrorCategory.Declined } };

        table.TryGet(code, out _).ShouldBe(matches);
    }

    [Theory]
    [InlineData("card_declined", "card_declined")]
    [InlineData("CARD_DECLINED", "card_declined")]   // case variants are one tag value: the table's spelling
    [InlineData("Card_Declined", "card_declined")]
    [InlineData("3010", "3010")]                      // a range gives the code itself, a bounded set
    [InlineData("PLAN-SUBSCRIPTION-77", "PLAN-SUBSCRIPTION-*")] // a pattern gives the pattern
    [InlineData("plan-subscription-anything", "PLAN-SUBSCRIPTION-*")]
    [InlineData("unknown", null)]
    [InlineData("03010", null)]
    public void ErrorCodeTable_KnownSpelling_BoundedName(string code, string? expected)
    {
        var table = new ErrorCodeTable
        {
            { "card_declined", PaymentErrorCategory.Declined },
            { "3001-3027", PaymentErrorCategory.Declined },
            { "PLAN-SUBSCRIPTION-*", PaymentErrorCategory.Conflict },
        };

        table.KnownSpelling(code).ShouldBe(expected);
    }
}
