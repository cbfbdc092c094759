using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// One payment POST of the chaos run: which client sends it, its merchant reference, amount and test card, whether it
/// is safe to repeat (a PlexyPay <c>Idempotency-Key</c>, or <c>MarkAsIdempotent()</c> for a provider that rejects a
/// second payment for a reference), and the faults planned for its reference, one per attempt.
/// </summary>
public sealed record ChaosPayment(
    int Index,
    PaymentProvider Provider,
    string ClientName,
    string Reference,
    decimal Amount,
    string? Card,
    string? IdempotencyKey,
    bool MarkedIdempotent,
    IReadOnlyList<SandboxFault> Plan)
{
    public bool IsSafeToRepeat => IdempotencyKey is not null || MarkedIdempotent;

    public HttpRequestMessage CreateRequest()
    {
        var request = Sandbox.SandboxRequests.Payment(Provider, Reference, Amount, IdempotencyKey, Card);
        return MarkedIdempotent ? request.MarkAsIdempotent() : request;
    }

    public override string ToString() =>
        $"#{Index} {ClientName} {Reference} amount {Amount}{(Card is null ? string.Empty : " card " + Card)}"
        + $"{(IdempotencyKey is null ? string.Empty : " keyed")}{(MarkedIdempotent ? " marked-idempotent" : string.Empty)}"
        + $" plan [{string.Join(", ", Plan)}]";
}
