namespace PaymentHttp.Testing;

/// <summary>
/// PlexyPay's <c>Idempotency-Key</c> handling: the first request with a key is processed and its response stored;
/// a repeat with the same body gets that response again; a repeat with another body, or one that arrives while the
/// first is still being processed, gets HTTP 409 <c>idempotency_error</c>. Keys do not expire in the sandbox.
/// </summary>
internal sealed class PlexyPayIdempotencyStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, IdempotencyRecord> _records = new(StringComparer.Ordinal);

    public IdempotencyClaim Claim(string key, string fingerprint)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(key, out var record))
            {
                _records.Add(key, new IdempotencyRecord(fingerprint));
                return new IdempotencyClaim(IdempotencyClaimKind.New, null);
            }

            if (!string.Equals(record.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                return new IdempotencyClaim(IdempotencyClaimKind.Mismatch, null);
            }

            return record.Response is { } response
                ? new IdempotencyClaim(IdempotencyClaimKind.Replay, response)
                : new IdempotencyClaim(IdempotencyClaimKind.InUse, null);
        }
    }

    public void Complete(string key, SandboxResponse response)
    {
        lock (_gate)
        {
            _records[key].Response = response;
        }
    }

    /// <summary>Forgets a key whose first request failed before it produced a response.</summary>
    public void Release(string key)
    {
        lock (_gate)
        {
            _records.Remove(key);
        }
    }
}
