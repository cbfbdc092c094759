using System.Text.Json.Nodes;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// What a provider mapping file says PaymentHttp must make of its response for a payment POST, from its
/// <c>metadata.paymentHttpOutcome</c>: the exception and category (none for a success), how many requests reach the
/// server with <see cref="PaymentClientOverWireMock.DefaultMaxRetryAttempts"/> retries, and whether the HTTP status
/// alone decides it or the provider's own code must (which needs the provider classifiers).
/// </summary>
public sealed record ExpectedProviderOutcome(
    bool DecidedByHttpStatus,
    PaymentErrorCategory? Category,
    string? ExceptionTypeName,
    int Requests,
    string? HttpStatusAloneGives)
{
    public const string MetadataKey = "paymentHttpOutcome";

    public bool IsSuccess => Category is null;

    public static ExpectedProviderOutcome? From(WireMockMapping mapping)
    {
        if (mapping.Metadata?[MetadataKey] is not JsonObject outcome)
        {
            return null;
        }

        var decidedBy = outcome["decidedBy"]?.GetValue<string>();
        var category = outcome["category"]?.GetValue<string>();
        return new ExpectedProviderOutcome(
            decidedBy switch
            {
                "httpStatus" => true,
                "providerCode" => false,
                _ => throw new InvalidDataException($"{mapping.File}: decidedBy must be httpStatus or providerCode, not '{decidedBy}'."),
            },
            category is null ? null : Enum.Parse<PaymentErrorCategory>(category),
            outcome["exception"]?.GetValue<string>(),
            outcome["requests"]?.GetValue<int>() ?? throw new InvalidDataException($"{mapping.File}: {MetadataKey}.requests is missing."),
            outcome["httpStatusAloneGives"]?.GetValue<string>());
    }
}
