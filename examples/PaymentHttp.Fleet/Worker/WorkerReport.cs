using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentHttp.Fleet.Worker;

/// <summary>What one worker process did: the one JSON line it prints on stdout.</summary>
public sealed class WorkerReport
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public required int Worker { get; init; }

    public required string Budget { get; init; }

    public required int Payments { get; init; }

    public required int Succeeded { get; init; }

    /// <summary>Gets the payments that ended in a typed exception: merchant reference → exception type name.</summary>
    public required Dictionary<string, string> Failed { get; init; }

    /// <summary>Gets the payments that ended in an exception other than <see cref="PaymentProviderException"/>: reference → type and message.</summary>
    public required Dictionary<string, string> Untyped { get; init; }

    public required long ElapsedMilliseconds { get; init; }

    /// <summary>Gets how often a payment was put back in the queue after <see cref="ProviderRateLimitedException"/> (never charged).</summary>
    public int Requeued { get; init; }

    /// <summary>Gets the warnings PaymentHttp logged, by event name (for example the Redis budget's fallback).</summary>
    public Dictionary<string, int> Warnings { get; init; } = [];

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    public static WorkerReport? FromJsonLine(string line) => JsonSerializer.Deserialize<WorkerReport>(line, Json);
}
