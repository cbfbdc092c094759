namespace PaymentHttp.IntegrationTests.Redirects;

/// <summary>One request as a <see cref="RecordingServer"/> received it off the socket.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
