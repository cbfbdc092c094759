using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Diagnostics;

/// <summary>
/// A call's final failure is logged once, at the level of who must act (README, "Observability"): refusals the caller
/// handles at Information, what the on-call engineer watches at Warning, a broken set-up at Error.
/// </summary>
public sealed class FinalFailureLogLevelTests
{
    private const int Refused = 1007;
    private const int Failed = 1003;
    private const int OutcomeUnknown = 1008;
    private const int Unavailable = 1009;
    private const int NotRecognised = 1010;

    // Each row is a real answer through Plutu's classifier (status fallback) and the whole pipeline.
    [Theory]
    [InlineData(HttpStatusCode.PaymentRequired, PaymentErrorCategory.Declined, LogLevel.Information, Refused)]
    [InlineData(HttpStatusCode.BadRequest, PaymentErrorCategory.InvalidRequest, LogLevel.Information, Refused)]
    [InlineData(HttpStatusCode.UnprocessableEntity, PaymentErrorCategory.InvalidRequest, LogLevel.Information, Refused)]
    [InlineData(HttpStatusCode.NotFound, PaymentErrorCategory.NotFound, LogLevel.Information, Refused)]
    [InlineData(HttpStatusCode.Conflict, PaymentErrorCategory.Conflict, LogLevel.Information, Refused)]
    [InlineData(HttpStatusCode.Unauthorized, PaymentErrorCategory.Authentication, LogLevel.Error, Failed)]
    [InlineData(HttpStatusCode.Forbidden, PaymentErrorCategory.Authorization, LogLevel.Error, Failed)]
    [InlineData((HttpStatusCode)418, PaymentErrorCategory.Unknown, LogLevel.Warning, NotRecognised)]
    [InlineData(HttpStatusCode.InternalServerError, PaymentErrorCategory.OutcomeUnknown, LogLevel.Warning, OutcomeUnknown)]
    public async Task FinalFailure_OfAPost_IsLoggedOnceAtItsCategorysLevel(HttpStatusCode status, PaymentErrorCategory category, LogLevel level, int eventId)
    {
        var logs = new FakeLoggerProvider();
        using var harness = Create(logs);
        harness.Primary.Always(status, """{"error":{"message":"refused"}}""");

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => harness.PostAsync());

        exception.Category.ShouldBe(category);
        var entry = FinalFailureOf(logs);
        entry.Level.ShouldBe(level);
        entry.Id.Id.ShouldBe(eventId);
        entry.Category.ShouldBe("PaymentHttp");
        entry.Message.ShouldContain($"HTTP {(int)status}");
        harness.Primary.Attempts.ShouldBe(1); // none of these is retried for a POST
    }

    [Fact]
    public async Task OutcomeUnknown_NamesClientProviderStatusAndAttempts_AndSaysToReconcile()
    {
        var logs = new FakeLoggerProvider();
        using var harness = Create(logs);
        harness.Primary.Always(HttpStatusCode.BadGateway);

        await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync());

        var entry = FinalFailureOf(logs);
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Id.ShouldBe(new EventId(OutcomeUnknown, "OutcomeUnknown"));
        entry.Message.ShouldStartWith($"PaymentHttp client '{PaymentClientHarness.ClientName}' (plutu): outcome unknown (HTTP 502");
        entry.Message.ShouldContain("after 1 attempt(s)");
        entry.Message.ShouldContain("reconcile");
    }

    [Fact]
    public async Task OutcomeUnknown_AfterATimeoutWithNoResponse_IsAWarningToo()
    {
        var logs = new FakeLoggerProvider();
        using var harness = Create(logs, o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        var attemptStarted = new TaskCompletionSource();
        harness.Primary.Always(async (_, token) =>
        {
            attemptStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable: the attempt timeout cancels the wait");
        });

        var call = harness.PostAsync();
        await attemptStarted.Task.WaitAsync(TaskAssertions.Bound);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => call.WaitAsync(TaskAssertions.Bound));

        var entry = FinalFailureOf(logs);
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Id.Id.ShouldBe(OutcomeUnknown);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, PaymentErrorCategory.Transient)]
    [InlineData(HttpStatusCode.TooManyRequests, PaymentErrorCategory.RateLimited)]
    public async Task RetriesExhausted_IsAWarningWithTheAttemptCount(HttpStatusCode status, PaymentErrorCategory category)
    {
        var logs = new FakeLoggerProvider();
        using var harness = Create(logs, o => o.Retry.MaxRetryAttempts = 2);
        harness.Primary.Always(status);

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => harness.GetAsync());

        exception.Category.ShouldBe(category);
        harness.Primary.Attempts.ShouldBe(3);
        var entry = FinalFailureOf(logs);
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Id.Id.ShouldBe(Unavailable);
        entry.Message.ShouldContain("after 3 attempt(s)");
    }

    [Fact]
    public async Task ConnectionRefused_RetriesExhausted_IsAWarning()
    {
        var logs = new FakeLoggerProvider();
        using var harness = Create(logs, o => o.Retry.MaxRetryAttempts = 1);
        harness.Primary.Always((_, _) => Task.FromException<HttpResponseMessage>(
            new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused))));

        await Should.ThrowAsync<ProviderUnavailableException>(() => harness.PostAsync());

        var entry = FinalFailureOf(logs);
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Id.Id.ShouldBe(Unavailable);
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task OpenCircuit_FailingFast_IsAWarning()
    {
        var logs = new FakeLoggerProvider();
        using var harness = Create(logs, o =>
        {
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
        });
        harness.Primary.Always(HttpStatusCode.ServiceUnavailable);
        await Should.ThrowAsync<ProviderUnavailableException>(() => harness.GetAsync());
        await Should.ThrowAsync<ProviderUnavailableException>(() => harness.GetAsync());

        await Should.ThrowAsync<ProviderCircuitOpenException>(() => harness.GetAsync());

        harness.Primary.Attempts.ShouldBe(2);
        var finals = logs.Collector.GetSnapshot().Where(IsFinalFailure).ToList();
        finals.Count.ShouldBe(3);
        finals.ShouldAllBe(e => e.Level == LogLevel.Warning && e.Id.Id == Unavailable);
        finals[^1].Message.ShouldContain("after 0 attempt(s)");
    }

    [Fact]
    public async Task Configuration_IsAnError()
    {
        var logs = new FakeLoggerProvider();
        using var harness = PaymentClientHarness.CreateCustom(
            new FixedClassifier(new ProviderError(PaymentErrorCategory.Configuration, "merchant not enabled for this method") { Code = "CFG-1" }),
            services: s => s.AddLogging(b => b.AddProvider(logs)));
        harness.Primary.Always(HttpStatusCode.BadRequest, "{}");

        await Should.ThrowAsync<ProviderConfigurationException>(() => harness.PostAsync());

        var entry = FinalFailureOf(logs);
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Id.ShouldBe(new EventId(Failed, "CallFailed"));
        entry.Message.ShouldContain("code CFG-1");
    }

    [Fact]
    public async Task ThrowingClassifier_IsAnError_EvenWhenTheFallbackCategoryIsRoutine()
    {
        var logs = new FakeLoggerProvider();
        using var harness = PaymentClientHarness.CreateCustom(new ThrowingClassifier(), services: s => s.AddLogging(b => b.AddProvider(logs)));
        harness.Primary.Always(HttpStatusCode.PaymentRequired, "{}");

        await Should.ThrowAsync<ProviderDeclinedException>(() => harness.PostAsync());

        var broken = logs.Collector.GetSnapshot().Where(e => e.Id.Id == 1001).ShouldHaveSingleItem();
        broken.Level.ShouldBe(LogLevel.Error);
        broken.Exception.ShouldBeOfType<FormatException>();
        FinalFailureOf(logs).Level.ShouldBe(LogLevel.Information); // the decline itself stays routine
    }

    [Fact]
    public async Task Success_LogsNoFinalFailure()
    {
        var logs = new FakeLoggerProvider();
        using var harness = Create(logs);
        harness.Primary.Respond(HttpStatusCode.OK, "{}");

        using var response = await harness.PostAsync();

        logs.Collector.GetSnapshot().Where(IsFinalFailure).ShouldBeEmpty();
    }

    private static PaymentClientHarness Create(FakeLoggerProvider logs, Action<PaymentProviderClientOptions>? configure = null) =>
        PaymentClientHarness.Create(PaymentProvider.Plutu, configure, s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

    private static bool IsFinalFailure(FakeLogRecord entry) =>
        entry.Id.Id is Refused or Failed or OutcomeUnknown or Unavailable or NotRecognised;

    private static FakeLogRecord FinalFailureOf(FakeLoggerProvider logs) =>
        logs.Collector.GetSnapshot().Where(IsFinalFailure).ShouldHaveSingleItem();

    private sealed class FixedClassifier(ProviderError error) : PaymentErrorClassifier
    {
        public override ProviderError? Classify(in ProviderResponse response) => response.IsSuccessStatusCode ? null : error;
    }

    private sealed class ThrowingClassifier : PaymentErrorClassifier
    {
        public override ProviderError? Classify(in ProviderResponse response) => throw new FormatException("bad body");
    }
}
