namespace PaymentHttp.Tests.TestUtilities;

/// <summary>What one attempt sent, captured when the primary handler received it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri? Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body);
