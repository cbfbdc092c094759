using System.Net;
using System.Text;

namespace PaymentHttp.Tests.Providers.Shared;

/// <summary>
/// What classification may cost in memory: nothing for a 2xx success that is inspected, and a bounded amount for a
/// hostile error body, however many list items it holds (items past the cap are skipped undecoded).
/// </summary>
public sealed class ClassifierAllocationTests
{
    private const int HostileBodyBytes = 64 * 1024;

    public static TheoryData<string, string> SuccessBodies => new()
    {
        { nameof(PaymentProvider.PagarStar), """{"code":1000,"message":"Request accepted","data":{"order_id":"ORD-1","amount":"150.00"}}""" },
        { nameof(PaymentProvider.PagarStar), """{"message":"Request accepted","code":"1000"}""" },
        { nameof(PaymentProvider.Paysafe), """{"id":"p-1","merchantRefNum":"r-1","amount":100,"status":"COMPLETED","links":[{"rel":"self","href":"x"}]}""" },
    };

    [Theory]
    [MemberData(nameof(SuccessBodies))]
    public void Classify_InspectedSuccess_AllocatesNothing(string provider, string json)
    {
        var classifier = ProviderCatalog.ClassifierFor(Enum.Parse<PaymentProvider>(provider));
        var body = Encoding.UTF8.GetBytes(json);
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        Classify(classifier, response, body).ShouldBeNull(); // warm-up, and the answer

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Classify(classifier, response, body);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        error.ShouldBeNull();
        allocated.ShouldBe(0);
    }

    public static TheoryData<string, int, string, string, string> HostileBodies => new()
    {
        // provider, status, prefix, repeated item, suffix
        { nameof(PaymentProvider.MakeCommerce), 400, """{"code":1001,"message":"Invalid input","errors":[""", """{"resource":"transaction","field":"currency","type":"invalid"},""", """{}]}""" },
        { nameof(PaymentProvider.Paysafe), 400, """{"error":{"code":"5068","message":"Field error(s)","fieldErrors":[""", """{"field":"card.cardNum","error":"invalid"},""", """{}]}}""" },
        { nameof(PaymentProvider.Paysafe), 400, """{"error":{"code":"5068","message":"Field error(s)","details":[""", "\"detail line\",", "\"\"]}}" },
        { nameof(PaymentProvider.Plutu), 422, """{"error":{"status":422,"code":"VALIDATION","message":"Invalid","fields":{""", "\"field_{0}\":[\"is required\",\"is invalid\"],", "\"last\":[]}}}" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public void Classify_ThousandsOfListItems_AllocationStaysBounded(string provider, int status, string prefix, string item, string suffix)
    {
        var classifier = ProviderCatalog.ClassifierFor(Enum.Parse<PaymentProvider>(provider));
        var json = new StringBuilder(prefix);
        for (var i = 0; json.Length < HostileBodyBytes - 200; i++)
        {
            json.Append(item.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var body = Encoding.UTF8.GetBytes(json.Append(suffix).ToString());
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        Classify(classifier, response, body); // warm-up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Classify(classifier, response, body).ShouldNotBeNull();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        (error.FieldErrors.Count + error.Details.Count).ShouldBe(JsonEnvelope.MaxListItems);
        allocated.ShouldBeLessThan(24 * 1024, $"{body.Length} body bytes with thousands of items");
    }

    private static ProviderError? Classify(PaymentErrorClassifier classifier, HttpResponseMessage response, byte[] body) =>
        classifier.Classify(new ProviderResponse(response.StatusCode, response.Headers, contentHeaders: null, body, isBodyTruncated: false));
}
