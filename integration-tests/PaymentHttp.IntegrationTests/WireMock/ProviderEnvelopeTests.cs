using System.Net;
using PaymentHttp.IntegrationTests.Infrastructure;

namespace PaymentHttp.IntegrationTests.WireMock;

/// <summary>
/// Every provider mapping file, sent through a real PaymentHttp client for its provider: those whose outcome the HTTP
/// status decides (<c>metadata.paymentHttpOutcome.decidedBy</c> = <c>httpStatus</c>) and those that need the
/// provider's own error code (<c>providerCode</c>: codes in bodies, Paysafe headers, failures inside HTTP 200).
/// </summary>
public sealed class ProviderEnvelopeTests : WireMockTest
{
    public ProviderEnvelopeTests(WireMockServerFixture server)
        : base(server)
    {
    }

    public static TheoryData<string> ProviderMappingFiles()
    {
        var files = new TheoryData<string>();
        foreach (var mapping in WireMockMappingFiles.All)
        {
            if (ExpectedProviderOutcome.From(mapping) is not null)
            {
                files.Add(mapping.File);
            }
        }

        return files;
    }

    [Fact]
    public void ProviderMappingFiles_IncludeCodeDecidedOnes()
    {
        WireMockMappingFiles.All.Count(mapping => ExpectedProviderOutcome.From(mapping) is { DecidedByHttpStatus: false })
            .ShouldBeGreaterThanOrEqualTo(20);
    }

    [Theory]
    [MemberData(nameof(ProviderMappingFiles))]
    public async Task ProviderEnvelope_EndsAsItsMappingFileSays(string mappingFile)
    {
        var mapping = WireMockMappingFiles.Single(mappingFile);
        var expected = ExpectedProviderOutcome.From(mapping).ShouldNotBeNull();
        var client = CreateClient(mapping.Provider.ShouldNotBeNull());
        var method = new HttpMethod(mapping.Method);

        if (expected.IsSuccess)
        {
            using var response = await client.SendAsync(method, mapping.UrlPath);
            ((int)response.StatusCode).ShouldBe(mapping.ResponseStatus.ShouldNotBeNull());
            (await response.Content.ReadAsStringAsync()).ShouldNotBeEmpty();
        }
        else
        {
            var exception = await Should.ThrowAsync<PaymentProviderException>(() => client.SendAsync(method, mapping.UrlPath));
            exception.GetType().Name.ShouldBe(expected.ExceptionTypeName);
            exception.Category.ShouldBe(expected.Category.ShouldNotBeNull());
            exception.Provider.ShouldBe(mapping.Provider);
            ((int?)exception.StatusCode).ShouldBe(mapping.ResponseStatus);
            exception.Attempts.ShouldBe(expected.Requests);
        }

        (await RequestsReceivedAsync(mapping.UrlPath)).ShouldBe(expected.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, PaymentErrorCategory.Authentication)]
    [InlineData(HttpStatusCode.PaymentRequired, PaymentErrorCategory.Declined)]
    [InlineData(HttpStatusCode.NotFound, PaymentErrorCategory.NotFound)]
    [InlineData(HttpStatusCode.Conflict, PaymentErrorCategory.Conflict)]
    [InlineData(HttpStatusCode.UnprocessableEntity, PaymentErrorCategory.InvalidRequest)]
    [InlineData(HttpStatusCode.InternalServerError, PaymentErrorCategory.OutcomeUnknown)]
    public void StatusDecidedEnvelopes_IncludeEveryStatusThatMustBeCovered(HttpStatusCode status, PaymentErrorCategory category)
    {
        var covering = WireMockMappingFiles.All
            .Where(mapping => mapping.ResponseStatus == (int)status)
            .Select(mapping => ExpectedProviderOutcome.From(mapping))
            .Where(outcome => outcome is { DecidedByHttpStatus: true } && outcome.Category == category);

        covering.ShouldNotBeEmpty($"no status-decided provider mapping file answers {(int)status} and expects {category}");
    }
}
