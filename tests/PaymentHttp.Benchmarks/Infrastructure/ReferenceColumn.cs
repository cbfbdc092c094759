using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PaymentHttp.Benchmarks.Infrastructure;

/// <summary>
/// A summary column that compares each benchmark with a reference benchmark of the same run: the category's
/// baseline, or a named method. BenchmarkDotNet prints ratios to the baseline only; this column prints what the
/// targets are written in (a ratio to another variant, an absolute difference, a throughput ratio) so that they can
/// be read off the table instead of worked out by hand.
/// </summary>
/// <remarks>
/// The reference is looked up among the cases with the same categories, parameters and job, so the column works per
/// category and per parameter value exactly as the Ratio column does. A named reference also matches that name
/// followed by <c>_</c> and a suffix, the convention for the same variant in another category
/// (<c>HandWiredPolly_ReadBody</c> is the reference <c>HandWiredPolly</c> in the "SendAndRead" category). It prints "?" when the reference is not in the
/// run (filtered out, or failed).
/// </remarks>
public sealed class ReferenceColumn : IColumn
{
    private readonly string? _referenceMethod;
    private readonly ReferenceKind _kind;

    /// <param name="kind">What to compare.</param>
    /// <param name="referenceMethod">The method to compare with, or <see langword="null"/> for the category's baseline.</param>
    public ReferenceColumn(ReferenceKind kind, string? referenceMethod = null)
    {
        _kind = kind;
        _referenceMethod = referenceMethod;
        var against = referenceMethod ?? "baseline";
        ColumnName = kind switch
        {
            ReferenceKind.TimeRatio => $"Time vs {against}",
            ReferenceKind.AllocRatio => $"Alloc vs {against}",
            ReferenceKind.TimeDelta => $"Δ time vs {against}",
            ReferenceKind.AllocDelta => $"Δ alloc vs {against}",
            ReferenceKind.ThroughputRatio => $"Throughput vs {against}",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Legend = kind switch
        {
            ReferenceKind.TimeRatio => $"Mean time divided by the mean time of {against}",
            ReferenceKind.AllocRatio => $"Allocated bytes per operation divided by those of {against}",
            ReferenceKind.TimeDelta => $"Mean time minus the mean time of {against}",
            ReferenceKind.AllocDelta => $"Allocated bytes per operation minus those of {against}",
            _ => $"Operations per second relative to {against} (1 = as fast; the inverse of the time ratio)",
        };
    }

    public string Id => $"{nameof(ReferenceColumn)}.{_kind}.{_referenceMethod}";

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)_kind;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var reference = FindReference(summary, benchmarkCase);
        var report = summary[benchmarkCase];
        var referenceReport = reference is null ? null : summary[reference];
        if (report?.ResultStatistics is not { } statistics || referenceReport?.ResultStatistics is not { } referenceStatistics)
        {
            return "?";
        }

        var culture = CultureInfo.InvariantCulture;
        switch (_kind)
        {
            case ReferenceKind.TimeRatio:
                return (statistics.Mean / referenceStatistics.Mean).ToString("0.00", culture);
            case ReferenceKind.ThroughputRatio:
                return (referenceStatistics.Mean / statistics.Mean).ToString("0.00", culture);
            case ReferenceKind.TimeDelta:
                var nanoseconds = statistics.Mean - referenceStatistics.Mean;
                return Math.Abs(nanoseconds) < 1000
                    ? nanoseconds.ToString("+0.0;-0.0", culture) + " ns"
                    : (nanoseconds / 1000).ToString("+0.00;-0.00", culture) + " μs";
            default:
                var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
                var referenceBytes = referenceReport.GcStats.GetBytesAllocatedPerOperation(reference!);
                if (bytes is not { } allocated || referenceBytes is not { } referenceAllocated)
                {
                    return "?";
                }

                return _kind == ReferenceKind.AllocRatio
                    ? referenceAllocated == 0 ? "-" : ((double)allocated / referenceAllocated).ToString("0.00", culture)
                    : (allocated - referenceAllocated).ToString("+0;-0;0", culture) + " B";
        }
    }

    public override string ToString() => ColumnName;

    private BenchmarkCase? FindReference(Summary summary, BenchmarkCase benchmarkCase)
    {
        var categories = string.Join(",", benchmarkCase.Descriptor.Categories);
        var parameters = benchmarkCase.Parameters.DisplayInfo;
        var job = benchmarkCase.Job.DisplayInfo;
        return summary.BenchmarksCases.FirstOrDefault(candidate =>
            (_referenceMethod is null ? candidate.Descriptor.Baseline : IsNamedReference(candidate.Descriptor.WorkloadMethod.Name))
            && string.Join(",", candidate.Descriptor.Categories) == categories
            && candidate.Parameters.DisplayInfo == parameters
            && candidate.Job.DisplayInfo == job);
    }

    private bool IsNamedReference(string method) =>
        method == _referenceMethod
        || (method.StartsWith(_referenceMethod!, StringComparison.Ordinal) && method.Length > _referenceMethod!.Length && method[_referenceMethod.Length] == '_');
}

/// <summary>What a <see cref="ReferenceColumn"/> prints.</summary>
public enum ReferenceKind
{
    /// <summary>Mean time ÷ reference mean time.</summary>
    TimeRatio,

    /// <summary>Allocated bytes per operation ÷ the reference's.</summary>
    AllocRatio,

    /// <summary>Mean time − reference mean time.</summary>
    TimeDelta,

    /// <summary>Allocated bytes per operation − the reference's.</summary>
    AllocDelta,

    /// <summary>Reference mean time ÷ mean time: operations per second relative to the reference.</summary>
    ThroughputRatio,
}
