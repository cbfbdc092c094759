using System.Net;
using System.Text;
using Category = PaymentHttp.PaymentErrorCategory;
using Retry = PaymentHttp.PaymentRetrySafety;

namespace PaymentHttp.Tests.Providers.Shared;

/// <summary>
/// Every provider's table sees one code however the provider wrote it: <c>1</c>, <c>1.0</c>, <c>1e0</c> and
/// <c>"1"</c> are the code <c>"1"</c>. Each row plays the body through the real pipeline (and the classifier
/// alone under a status no rule knows, so the code — not the status — must decide).
/// </summary>
public sealed class NumericCodeFormsTests
{
    /// <summary>The forms of one integral number, given as the JSON text of the code value.</summary>
    private static readonly string[] Forms = ["{0}", "{0}.0", "{0}.00", "{0}e0", "{0}E+0", "{0}0e-1", "\"{0}\"", "\"{0}.0\"", "\" {0} \"", "\"{0}e0\""];

    public static TheoryData<PaymentProvider, int, string, Category, Retry, string> Rows()
    {
        var rows = new TheoryData<PaymentProvider, int, string, Category, Retry, string>();
        foreach (var form in Forms)
        {
            string Code(int code) => string.Format(System.Globalization.CultureInfo.InvariantCulture, form, code);

            // PlexyPay envelope A: code 1 is "service unavailable" (always), whatever the HTTP status says.
            rows.Add(PaymentProvider.PlexyPay, 500, $$"""{"code":{{Code(1)}},"message":"Service Unavailable","type":"apiError"}""", Category.Transient, Retry.Always, "1");
            rows.Add(PaymentProvider.PlexyPay, 400, $$"""{"code":{{Code(3017)}},"message":"connection","type":"apiError"}""", Category.OutcomeUnknown, Retry.SafeOnly, "3017");
            rows.Add(PaymentProvider.MakeCommerce, 400, $$"""{"code":{{Code(1035)}},"message":"declined"}""", Category.Declined, Retry.Never, "1035");
            rows.Add(PaymentProvider.MakeCommerce, 400, $$"""{"code":{{Code(1052)}},"message":"customer"}""", Category.InvalidRequest, Retry.Never, "1052");
            rows.Add(PaymentProvider.Paysafe, 400, $$$"""{"error":{"code":{{{Code(5031)}}},"message":"already processed"}}""", Category.Conflict, Retry.Never, "5031");
            rows.Add(PaymentProvider.Paysafe, 402, $$$"""{"status":"FAILED","error":{"code":{{{Code(3022)}}},"message":"declined"}}""", Category.Declined, Retry.Never, "3022");
            rows.Add(PaymentProvider.PagarStar, 200, $$"""{"code":{{Code(1003)}},"message":"Duplicate order id"}""", Category.Conflict, Retry.Never, "1003");
            rows.Add(PaymentProvider.PagarStar, 200, $$"""{"code":{{Code(8001)}},"message":"Service not available"}""", Category.Transient, Retry.Always, "8001");
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Send_CodeInAnyNumericForm_SameRow(PaymentProvider provider, int status, string body, Category category, Retry retry, string code)
    {
        var alone = ProviderPipeline.ClassifyDirectly(provider, (HttpStatusCode)418, Encoding.UTF8.GetBytes(body));
        alone.ShouldNotBeNull();
        alone.Category.ShouldBe(category, "the code, not the status, must decide");
        alone.Code.ShouldBe(code);

        await ProviderPipeline.AssertRowAsync(provider, status, body, category, retry, code);
    }

    /// <summary>Paysafe's header code goes through the same normalisation as a body code.</summary>
    [Theory]
    [InlineData("5031")]
    [InlineData("5031.0")]
    [InlineData(" 5031 ")]
    [InlineData("5.031e3")]
    public Task Paysafe_HeaderCodeInAnyNumericForm_SameCode(string header) =>
        ProviderPipeline.AssertRowAsync(
            PaymentProvider.Paysafe, 400, """{"error":{"code":"9999","message":"x"}}""", Category.Conflict, Retry.Never, "5031", "x-application-error-code", header);

    /// <summary>Plutu's codes are strings: a code is trimmed, nothing else.</summary>
    [Theory]
    [InlineData("INSUFFICIENT_BALANCE")]
    [InlineData("  INSUFFICIENT_BALANCE ")]
    public Task Plutu_CodeWithBlanks_Trimmed(string code) =>
        ProviderPipeline.AssertRowAsync(
            PaymentProvider.Plutu, 400, $$$"""{"error":{"status":400,"code":"{{{code}}}","message":"no"}}""", Category.Declined, Retry.Never, "INSUFFICIENT_BALANCE");

    /// <summary>
    /// Decided and documented: a non-integral number stays as written, and a zero-padded string is a label (not the
    /// number), so neither matches the integer code it resembles; the HTTP status decides (400: InvalidRequest).
    /// </summary>
    [Theory]
    [InlineData(PaymentProvider.MakeCommerce, """{"code":1035.5}""", "1035.5")]
    [InlineData(PaymentProvider.MakeCommerce, """{"code":"01035"}""", "01035")]
    [InlineData(PaymentProvider.MakeCommerce, """{"code":"01052"}""", "01052")]
    [InlineData(PaymentProvider.PlexyPay, """{"code":1.5,"type":"apiError"}""", "1.5")]
    [InlineData(PaymentProvider.PlexyPay, """{"code":"01","type":"apiError"}""", "01")]
    [InlineData(PaymentProvider.PlexyPay, """{"code":"03017","type":"apiError"}""", "03017")]
    [InlineData(PaymentProvider.Paysafe, """{"error":{"code":"05031"}}""", "05031")]
    public Task Send_CodeThatOnlyLooksLikeAKnownNumber_StatusDecides(PaymentProvider provider, string body, string code) =>
        ProviderPipeline.AssertRowAsync(provider, 400, body, Category.InvalidRequest, Retry.Never, code);

    /// <summary>A boolean is not a code in any provider: the status decides and no code is reported.</summary>
    [Theory]
    [InlineData(PaymentProvider.MakeCommerce, """{"code":true}""")]
    [InlineData(PaymentProvider.PlexyPay, """{"code":false,"type":"apiError"}""")]
    [InlineData(PaymentProvider.Paysafe, """{"error":{"code":true}}""")]
    [InlineData(PaymentProvider.Plutu, """{"error":{"code":true}}""")]
    public Task Send_BooleanCode_NoCode(PaymentProvider provider, string body) =>
        ProviderPipeline.AssertRowAsync(provider, 409, body, Category.Conflict, Retry.Never, code: null);
}
