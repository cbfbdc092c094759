using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Diagnostics;

/// <summary>
/// The two lines the README gives — <c>AddMeter("PaymentHttp", "Polly")</c> and <c>AddSource("PaymentHttp")</c> — are all
/// the OpenTelemetry SDK needs to export PaymentHttp's metrics and traces.
/// </summary>
public sealed class OpenTelemetryTests
{
    [Fact]
    public async Task Sdk_WithTheDocumentedMeterAndSource_ExportsMetricsAndTraces()
    {
        var name = "otel-" + Guid.NewGuid().ToString("N");
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource("PaymentHttp")
            .AddProcessor(new SimpleActivityExportProcessor(new Collector<Activity>(spans)))
            .Build();
        using var metering = Sdk.CreateMeterProviderBuilder()
            .AddMeter("PaymentHttp", "Polly")
            .AddReader(new BaseExportingMetricReader(new Collector<Metric>(metrics)))
            .Build();

        var primary = new ScriptedHandler().Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, "{}");
        var services = new ServiceCollection();
        services.AddPaymentProviderClient(name, PaymentProvider.Paysafe, o =>
            {
                o.BaseAddress = new Uri("http://paysafe.test/");
                o.Retry.BaseDelay = TimeSpan.Zero;
            })
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);

        using var response = await client.PostAsync("payments", new StringContent("{}"));
        metering.ForceFlush();

        var span = spans.Where(s => (s.GetTagItem("payment.client.name") as string) == name).ShouldHaveSingleItem();
        span.GetTagItem("payment.provider").ShouldBe("paysafe");
        span.GetTagItem("payment.attempts").ShouldBe(2);
        MetricsOfPipeline(metrics, name + "-paymenthttp").ShouldContain("resilience.polly.strategy.events");
        MetricsOfClient(metrics, name).ShouldContain("paymenthttp.client.attempt.duration");
        MetricsOfClient(metrics, name).ShouldContain("paymenthttp.client.failures");
    }

    /// <summary>Names of the exported metrics that have a point for this client (other tests share the process).</summary>
    private static List<string> MetricsOfClient(List<Metric> metrics, string clientName) => MetricsTagged(metrics, "payment.client.name", clientName);

    /// <summary>Names of the exported Polly metrics that have a point for this pipeline.</summary>
    private static List<string> MetricsOfPipeline(List<Metric> metrics, string pipelineName) => MetricsTagged(metrics, "pipeline.name", pipelineName);

    private static List<string> MetricsTagged(List<Metric> metrics, string key, string value)
    {
        var names = new List<string>();
        foreach (var metric in metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    if (tag.Key == key && (tag.Value as string) == value)
                    {
                        names.Add(metric.Name);
                    }
                }
            }
        }

        return names;
    }

    private sealed class Collector<T>(List<T> into) : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch)
        {
            foreach (var item in batch)
            {
                into.Add(item);
            }

            return ExportResult.Success;
        }
    }
}
