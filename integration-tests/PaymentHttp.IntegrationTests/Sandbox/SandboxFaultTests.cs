using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

public sealed class SandboxFaultTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Pay_RefusedThenNormal_RetriedBecauseNothingWasSentAndChargedOnce(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "refused-1", SandboxFault.Refuse);

        using var response = await client.PayAsync(provider, "refused-1");

        ProviderBodies.IsApproved(provider, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        sandbox.Ledger.ChargeCount(provider, "refused-1").ShouldBe(1);
        sandbox.RequestCount(provider).ShouldBe(1);
        sandbox.Faults.Remaining(provider, "refused-1").ShouldBe(0);
    }

    [Fact]
    public async Task Pay_RefusedWithRetriesOff_UnavailableWithoutStatusAndNothingSent()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Paysafe, o => o.Retry.MaxRetryAttempts = 0);
        sandbox.Faults.Plan(PaymentProvider.Paysafe, "refused-2", SandboxFault.Refuse);

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => client.PayAsync(PaymentProvider.Paysafe, "refused-2"));

        exception.StatusCode.ShouldBeNull();
        exception.Error.RetrySafety.ShouldBe(PaymentRetrySafety.Always);
        exception.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(HttpRequestError.ConnectionError);
        sandbox.RequestCount(PaymentProvider.Paysafe).ShouldBe(0);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_RefuseWithoutTheSandboxHandler_ServerResetsBeforeProcessingInstead()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = new HttpClient { BaseAddress = sandbox.BaseAddress(PaymentProvider.Paysafe) };
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SandboxCredentials.PaysafeKeyId + ":" + SandboxCredentials.PaysafeKeyPassword)));
        sandbox.Faults.Plan(PaymentProvider.Paysafe, "refused-3", SandboxFault.Refuse);

        await Should.ThrowAsync<HttpRequestException>(() => raw.SendAsync(SandboxRequests.Payment(PaymentProvider.Paysafe, "refused-3")));

        sandbox.RequestCount(PaymentProvider.Paysafe).ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Pay_ResetBeforeProcessing_OutcomeUnknownAndNotCharged(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "reset-1", SandboxFault.ResetBeforeProcessing);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(provider, "reset-1"));

        exception.Attempts.ShouldBe(1);
        exception.StatusCode.ShouldBeNull();
        sandbox.RequestCount(provider).ShouldBe(1);
        sandbox.Ledger.ChargeCount(provider, "reset-1").ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Pay_ResetAfterCharging_OutcomeUnknownButChargedAndFoundByReconciliation(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "reset-2", SandboxFault.ResetAfterCharging);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(provider, "reset-2"));

        exception.Attempts.ShouldBe(1);
        sandbox.RequestCount(provider).ShouldBe(1);
        sandbox.Ledger.ChargeCount(provider, "reset-2").ShouldBe(1);
        using var lookup = await client.QueryAsync(provider, "reset-2");
        (await lookup.Content.ReadAsStringAsync()).ShouldContain(sandbox.Ledger.Charges[0].TransactionId);
    }

    [Theory]
    [InlineData(PaymentProvider.Plutu)]
    [InlineData(PaymentProvider.Paysafe)]
    public async Task Pay_ResentAfterResetAfterCharging_ConflictNotASecondCharge(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "reset-3", SandboxFault.ResetAfterCharging);
        await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(provider, "reset-3"));

        await Should.ThrowAsync<ProviderConflictException>(() => client.PayAsync(provider, "reset-3"));

        sandbox.Ledger.ChargeCount(provider, "reset-3").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_PlexyPayResetAfterChargingWithIdempotencyKey_RetriedAndOriginalResponseReplayed()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PlexyPay);
        sandbox.Faults.Plan(PaymentProvider.PlexyPay, "reset-4", SandboxFault.ResetAfterCharging);

        using var response = await client.PayAsync(PaymentProvider.PlexyPay, "reset-4", idempotencyKey: "key-reset-4");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await ProviderBodies.JsonAsync(response)).GetProperty("id").GetString().ShouldBe(sandbox.Ledger.Charges[0].TransactionId);
        sandbox.RequestCount(PaymentProvider.PlexyPay).ShouldBe(2);
        sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, "reset-4").ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Query_ResetAfterProcessing_RetriedBecauseGetIsSafe(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        (await client.PayAsync(provider, "reset-5")).Dispose();
        sandbox.Faults.Plan(provider, "reset-5", SandboxFault.ResetAfterCharging);

        using var response = await client.QueryAsync(provider, "reset-5");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.RequestCount(provider).ShouldBe(3);
        sandbox.Ledger.ChargeCount(provider, "reset-5").ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Pay_TooManyRequestsThenNormal_RetriedAndChargedOnce(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "busy-1", SandboxFault.TooManyRequests(TimeSpan.Zero));

        using var response = await client.PayAsync(provider, "busy-1");

        ProviderBodies.IsApproved(provider, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        sandbox.RequestCount(provider).ShouldBe(2);
        sandbox.Ledger.ChargeCount(provider, "busy-1").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_TooManyRequestsWithRetryAfterBeyondMaxDelay_RateLimitedAtOnce()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Plutu);
        sandbox.Faults.Plan(PaymentProvider.Plutu, "busy-2", SandboxFault.TooManyRequests(TimeSpan.FromMinutes(2)));

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => client.PayAsync(PaymentProvider.Plutu, "busy-2"));

        exception.RetryAfter.ShouldBe(TimeSpan.FromMinutes(2));
        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(PaymentProvider.Plutu, "TOO_MANY_REQUESTS")]
    [InlineData(PaymentProvider.PlexyPay, "rate_limit")]
    [InlineData(PaymentProvider.Paysafe, "1200")]
    [InlineData(PaymentProvider.MakeCommerce, "429")]
    [InlineData(PaymentProvider.PagarStar, "8001")]
    public async Task Pay_TooManyRequests_Http429RetryAfterAndProviderEnvelope(PaymentProvider provider, string code)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, provider);
        sandbox.Faults.Plan(provider, "busy-3", SandboxFault.TooManyRequests(TimeSpan.FromMilliseconds(2500)));

        using var response = await raw.SendAsync(SandboxRequests.Payment(provider, "busy-3"));

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe(code);
    }

    [Theory]
    [InlineData(PaymentProvider.Plutu)]
    [InlineData(PaymentProvider.Paysafe)]
    [InlineData(PaymentProvider.MakeCommerce)]
    public async Task Pay_ServiceUnavailable_OutcomeUnknownForAnUnsafePostAndNotCharged(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "down-1", SandboxFault.ServiceUnavailable);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(provider, "down-1"));

        exception.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        sandbox.RequestCount(provider).ShouldBe(1);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    /// <summary>
    /// PlexyPay (code 1) and PagarStar (8001) say "service unavailable" in the body: the provider certainly did not
    /// act, so even a payment POST is retried — and charged once when the provider is back.
    /// </summary>
    [Theory]
    [InlineData(PaymentProvider.PlexyPay)]
    [InlineData(PaymentProvider.PagarStar)]
    public async Task Pay_ServiceUnavailableCode_RetriedEvenForAPostAndChargedOnce(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "down-1", SandboxFault.ServiceUnavailable);

        using var response = await client.PayAsync(provider, "down-1");

        sandbox.RequestCount(provider).ShouldBe(2);
        sandbox.Ledger.ChargeCount(provider, "down-1").ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Query_ServiceUnavailableTwiceThenNormal_Retried(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        (await client.PayAsync(provider, "down-2")).Dispose();
        sandbox.Faults.Plan(provider, "down-2", SandboxFault.ServiceUnavailable, SandboxFault.ServiceUnavailable);

        using var response = await client.QueryAsync(provider, "down-2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.RequestCount(provider).ShouldBe(4);
    }

    [Fact]
    public async Task Pay_PlexyPayServiceUnavailableWithIdempotencyKey_RetriedAndChargedOnce()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PlexyPay);
        sandbox.Faults.Plan(PaymentProvider.PlexyPay, "down-3", SandboxFault.ServiceUnavailable);

        using var response = await client.PayAsync(PaymentProvider.PlexyPay, "down-3", idempotencyKey: "key-down-3");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.RequestCount(PaymentProvider.PlexyPay).ShouldBe(2);
        sandbox.Ledger.ChargeCount(PaymentProvider.PlexyPay, "down-3").ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Pay_ServerErrorAfterCharging_OutcomeUnknownButCharged(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "err-1", SandboxFault.ServerErrorAfterCharging);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(provider, "err-1"));

        exception.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        sandbox.Ledger.ChargeCount(provider, "err-1").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_ServerErrorAfterChargingMakeCommerce_NoBody()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.MakeCommerce);
        sandbox.Faults.Plan(PaymentProvider.MakeCommerce, "err-2", SandboxFault.ServerErrorAfterCharging);

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.MakeCommerce, "err-2"));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(PaymentProvider.PagarStar, "8001", HttpStatusCode.OK)]
    [InlineData(PaymentProvider.Paysafe, "1200", HttpStatusCode.TooManyRequests)]
    [InlineData(PaymentProvider.Paysafe, "5017", HttpStatusCode.BadRequest)]
    [InlineData(PaymentProvider.PlexyPay, "1", HttpStatusCode.ServiceUnavailable)]
    [InlineData(PaymentProvider.PlexyPay, "5", HttpStatusCode.UnprocessableEntity)]
    [InlineData(PaymentProvider.PlexyPay, "processing_error", HttpStatusCode.PaymentRequired)]
    [InlineData(PaymentProvider.MakeCommerce, "2003", HttpStatusCode.BadRequest)]
    [InlineData(PaymentProvider.Plutu, "OTP_EXPIRED", HttpStatusCode.BadRequest)]
    public async Task Pay_ProviderError_CodeInTheProviderEnvelopeWithItsUsualStatus(PaymentProvider provider, string code, HttpStatusCode status)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, provider);
        sandbox.Faults.Plan(provider, "code-1", SandboxFault.ProviderError(code));

        using var response = await raw.SendAsync(SandboxRequests.Payment(provider, "code-1"));

        response.StatusCode.ShouldBe(status);
        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe(code);
        sandbox.Ledger.Charges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pay_ProviderErrorWithForcedStatus_ThatStatus()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.PagarStar);
        sandbox.Faults.Plan(PaymentProvider.PagarStar, "code-2", SandboxFault.ProviderError("9999", HttpStatusCode.BadGateway));

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.PagarStar, "code-2"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        ProviderBodies.Code(await ProviderBodies.JsonAsync(response)).ShouldBe("9999");
    }

    [Fact]
    public async Task Pay_PlexyPayTypedCode1_Http503TypedEnvelope()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.PlexyPay);
        sandbox.Faults.Plan(PaymentProvider.PlexyPay, "code-3", SandboxFault.ProviderError("1"));

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.PlexyPay, "code-3"));

        var body = await ProviderBodies.JsonAsync(response);
        body.GetProperty("code").GetInt32().ShouldBe(1);
        body.GetProperty("message").GetString().ShouldBe("Service Unavailable");
        body.GetProperty("type").GetString().ShouldBe("apiError");
        body.TryGetProperty("source", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Pay_PaysafeRateCode1200_RetriedByStatusAndChargedOnce()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Paysafe);
        sandbox.Faults.Plan(PaymentProvider.Paysafe, "code-4", SandboxFault.ProviderError("1200"));

        using var response = await client.PayAsync(PaymentProvider.Paysafe, "code-4");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.RequestCount(PaymentProvider.Paysafe).ShouldBe(2);
        sandbox.Ledger.ChargeCount(PaymentProvider.Paysafe, "code-4").ShouldBe(1);
    }

    /// <summary>
    /// A complete 200 whose JSON is cut in half. Where the status code alone means success (Plutu, PlexyPay,
    /// MakeCommerce) and where the deciding field came before the cut (PTS sends its code first), the caller gets the
    /// response as it came; where the deciding field was lost (Paysafe's payment status comes late) the outcome is
    /// unknown. Either way the payment was charged once.
    /// </summary>
    [Theory]
    [InlineData(PaymentProvider.Plutu, false)]
    [InlineData(PaymentProvider.PlexyPay, false)]
    [InlineData(PaymentProvider.MakeCommerce, false)]
    [InlineData(PaymentProvider.PagarStar, false)]
    [InlineData(PaymentProvider.Paysafe, true)]
    public async Task Pay_MalformedBody_PassedThroughOrUnknownButChargedOnce(PaymentProvider provider, bool decidingFieldLost)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "bad-1", SandboxFault.MalformedBody);

        if (decidingFieldLost)
        {
            var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(provider, "bad-1"));
            exception.StatusCode.ShouldBe(HttpStatusCode.OK);
            exception.Attempts.ShouldBe(1);
        }
        else
        {
            using var response = await client.PayAsync(provider, "bad-1");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            text.ShouldStartWith("{");
            Should.Throw<JsonException>(() => JsonDocument.Parse(text));
        }

        sandbox.Ledger.ChargeCount(provider, "bad-1").ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Pay_TruncatedBody_OutcomeUnknownAndCharged(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider);
        sandbox.Faults.Plan(provider, "cut-1", SandboxFault.TruncatedBody);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(provider, "cut-1"));

        exception.Attempts.ShouldBe(1);
        sandbox.Ledger.ChargeCount(provider, "cut-1").ShouldBe(1);
    }

    [Fact]
    public async Task Pay_TruncatedBody_HeadersArriveThenTheBodyBreaksOff()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.Plutu);
        sandbox.Faults.Plan(PaymentProvider.Plutu, "cut-2", SandboxFault.TruncatedBody);

        using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.Plutu, "cut-2"), HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var exception = await Should.ThrowAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync());
        exception.HttpRequestError.ShouldBe(HttpRequestError.ResponseEnded);
    }

    [Fact]
    public async Task Pay_ShortDelay_SucceedsAfterTheDelay()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.MakeCommerce);
        sandbox.Faults.Plan(PaymentProvider.MakeCommerce, "slow-1", SandboxFault.Delay(TimeSpan.FromMilliseconds(50)));

        using var response = await client.PayAsync(PaymentProvider.MakeCommerce, "slow-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.Ledger.ChargeCount(PaymentProvider.MakeCommerce, "slow-1").ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(SandboxRequests.AllProviders), MemberType = typeof(SandboxRequests))]
    public async Task Pay_NoAnswerWithinAttemptTimeout_OutcomeUnknownAndChargedAnyway(PaymentProvider provider)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, provider, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(500));
        sandbox.Faults.Plan(provider, "slow-2", SandboxFault.Delay(Timeout.InfiniteTimeSpan));

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(provider, "slow-2"));

        exception.StatusCode.ShouldBeNull();
        exception.Attempts.ShouldBe(1);
        using var bound = new CancellationTokenSource(Bound);
        var charge = await sandbox.Ledger.WaitForChargeAsync(provider, "slow-2", bound.Token);
        charge.MerchantReference.ShouldBe("slow-2");
        sandbox.RequestCount(provider).ShouldBe(1);
    }

    [Fact]
    public async Task Pay_CallerCancelsWhileResponseHeld_OperationCanceledAndCharged()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Paysafe);
        sandbox.Faults.Plan(PaymentProvider.Paysafe, "slow-3", SandboxFault.Delay(Timeout.InfiniteTimeSpan));
        using var caller = new CancellationTokenSource(Bound);
        var payment = client.Http.SendAsync(SandboxRequests.Payment(PaymentProvider.Paysafe, "slow-3"), caller.Token);

        using var bound = new CancellationTokenSource(Bound);
        await sandbox.Ledger.WaitForChargeAsync(PaymentProvider.Paysafe, "slow-3", bound.Token);
        await caller.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => payment);
        sandbox.Ledger.ChargeCount(PaymentProvider.Paysafe, "slow-3").ShouldBe(1);
    }

    [Fact]
    public async Task Dispose_WhileAResponseIsHeld_StopsPromptlyAndTheClientSeesADroppedConnection()
    {
        var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.Plutu);
        sandbox.Faults.Plan(PaymentProvider.Plutu, "slow-4", SandboxFault.Delay(Timeout.InfiniteTimeSpan));
        var payment = raw.SendAsync(SandboxRequests.Payment(PaymentProvider.Plutu, "slow-4"));
        using var bound = new CancellationTokenSource(Bound);
        await sandbox.Ledger.WaitForChargeAsync(PaymentProvider.Plutu, "slow-4", bound.Token);

        await sandbox.DisposeAsync().AsTask().WaitAsync(Bound);

        await Should.ThrowAsync<HttpRequestException>(() => payment.WaitAsync(Bound));
    }

    [Fact]
    public async Task Query_SeveralPlannedFaults_TakenInOrderThenNormal()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Plutu);
        (await client.PayAsync(PaymentProvider.Plutu, "plan-1")).Dispose();
        sandbox.Faults.Plan(PaymentProvider.Plutu, "plan-1", SandboxFault.ServiceUnavailable, SandboxFault.TooManyRequests(), SandboxFault.ResetBeforeProcessing);
        sandbox.Faults.Remaining(PaymentProvider.Plutu, "plan-1").ShouldBe(3);

        using var response = await client.QueryAsync(PaymentProvider.Plutu, "plan-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.RequestCount(PaymentProvider.Plutu).ShouldBe(5);
        sandbox.Faults.Remaining(PaymentProvider.Plutu, "plan-1").ShouldBe(0);
    }

    [Fact]
    public async Task Plan_NoneFirst_OnlyTheSecondAttemptFails()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Plutu);
        sandbox.Faults.Plan(PaymentProvider.Plutu, "plan-2", SandboxFault.None, SandboxFault.ServiceUnavailable);

        (await client.PayAsync(PaymentProvider.Plutu, "plan-2")).Dispose();
        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => client.PayAsync(PaymentProvider.Plutu, "plan-2"));

        exception.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        sandbox.Ledger.ChargeCount(PaymentProvider.Plutu, "plan-2").ShouldBe(1);
    }

    [Fact]
    public async Task Plan_OtherReferencesAndProviders_Unaffected()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var plutu = SandboxClient.Create(sandbox, PaymentProvider.Plutu);
        using var paysafe = SandboxClient.Create(sandbox, PaymentProvider.Paysafe);
        sandbox.Faults.Plan(PaymentProvider.Plutu, "shared-ref", SandboxFault.ServiceUnavailable);

        (await plutu.PayAsync(PaymentProvider.Plutu, "other-ref")).Dispose();
        (await paysafe.PayAsync(PaymentProvider.Paysafe, "shared-ref")).Dispose();

        sandbox.Faults.Remaining(PaymentProvider.Plutu, "shared-ref").ShouldBe(1);
        sandbox.Ledger.Charges.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Plan_ConcurrentRequestsForOneReference_EachPlannedFaultTakenExactlyOnce()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var raw = SandboxClient.Raw(sandbox, PaymentProvider.Paysafe);
        sandbox.Faults.Plan(PaymentProvider.Paysafe, "plan-3", SandboxFault.TooManyRequests(), SandboxFault.TooManyRequests(), SandboxFault.ServiceUnavailable);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await raw.SendAsync(SandboxRequests.Payment(PaymentProvider.Paysafe, "plan-3"));
            return response.StatusCode;
        }));

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(2);
        statuses.Count(s => s == HttpStatusCode.ServiceUnavailable).ShouldBe(1);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1);
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(6);
        sandbox.Ledger.ChargeCount(PaymentProvider.Paysafe, "plan-3").ShouldBe(1);
    }

    [Fact]
    public async Task Plan_ConcurrentRefusalsThroughTheClient_EachTakenOnce()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.PagarStar, o => o.Retry.MaxRetryAttempts = 0);
        var references = Enumerable.Range(0, 6).Select(i => "refuse-" + i).ToArray();
        foreach (var reference in references.Take(3))
        {
            sandbox.Faults.Plan(PaymentProvider.PagarStar, reference, SandboxFault.Refuse);
        }

        var outcomes = await Task.WhenAll(references.Select(async reference =>
        {
            try
            {
                using var response = await client.PayAsync(PaymentProvider.PagarStar, reference);
                return "paid";
            }
            catch (ProviderUnavailableException)
            {
                return "refused";
            }
        }));

        outcomes.ShouldBe(["refused", "refused", "refused", "paid", "paid", "paid"]);
        sandbox.RequestCount(PaymentProvider.PagarStar).ShouldBe(3);
        sandbox.Ledger.Charges.Count.ShouldBe(3);
    }
}
