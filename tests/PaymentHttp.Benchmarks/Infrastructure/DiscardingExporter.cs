using OpenTelemetry;

namespace PaymentHttp.Benchmarks.Infrastructure;

/// <summary>An OpenTelemetry exporter that drops what it is given: the SDK collects, nothing is written anywhere.</summary>
public sealed class DiscardingExporter<T> : BaseExporter<T>
    where T : class
{
    public override ExportResult Export(in Batch<T> batch) => ExportResult.Success;
}
