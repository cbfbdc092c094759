using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

public sealed class SandboxLedgerTests
{
    [Fact]
    public async Task Charges_SeveralProviders_ListedOldestFirst()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var plutu = SandboxClient.Create(sandbox, PaymentProvider.Plutu);
        using var pagarStar = SandboxClient.Create(sandbox, PaymentProvider.PagarStar);

        (await plutu.PayAsync(PaymentProvider.Plutu, "a-1", 10m)).Dispose();
        (await pagarStar.PayAsync(PaymentProvider.PagarStar, "a-1", 20m)).Dispose();

        sandbox.Ledger.Charges.Select(c => (c.Provider, c.MerchantReference, c.Amount))
            .ShouldBe([(PaymentProvider.Plutu, "a-1", 10m), (PaymentProvider.PagarStar, "a-1", 20m)]);
        sandbox.Ledger.ChargeCount(PaymentProvider.Plutu, "a-1").ShouldBe(1);
        sandbox.Ledger.ChargeCount(PaymentProvider.Paysafe, "a-1").ShouldBe(0);
        sandbox.Ledger.ChargesOf(PaymentProvider.PagarStar, "a-1").ShouldHaveSingleItem().Currency.ShouldBe("PHP");
    }

    [Fact]
    public async Task WaitForCharge_AlreadyCharged_CompletesAtOnce()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(sandbox, PaymentProvider.Paysafe);
        (await client.PayAsync(PaymentProvider.Paysafe, "w-1")).Dispose();

        var wait = sandbox.Ledger.WaitForChargeAsync(PaymentProvider.Paysafe, "w-1");

        wait.IsCompletedSuccessfully.ShouldBeTrue();
        (await wait).TransactionId.ShouldBe(sandbox.Ledger.Charges[0].TransactionId);
    }

    [Fact]
    public async Task WaitForCharge_NeverCharged_EndsWithTheToken()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => sandbox.Ledger.WaitForChargeAsync(PaymentProvider.Plutu, "never", bound.Token));
    }

    [Fact]
    public async Task Sandboxes_AreIndependent()
    {
        await using var first = await ProviderSandbox.StartAsync();
        await using var second = await ProviderSandbox.StartAsync();
        using var client = SandboxClient.Create(first, PaymentProvider.Plutu);

        (await client.PayAsync(PaymentProvider.Plutu, "i-1")).Dispose();

        second.BaseAddress(PaymentProvider.Plutu).Port.ShouldNotBe(first.BaseAddress(PaymentProvider.Plutu).Port);
        second.Ledger.Charges.ShouldBeEmpty();
        second.RequestCount(PaymentProvider.Plutu).ShouldBe(0);
    }

    [Fact]
    public async Task Disposed_BaseAddressAndHandler_ObjectDisposed()
    {
        var sandbox = await ProviderSandbox.StartAsync();
        await sandbox.DisposeAsync();
        await sandbox.DisposeAsync();

        Should.Throw<ObjectDisposedException>(() => sandbox.BaseAddress(PaymentProvider.Plutu));
        Should.Throw<ObjectDisposedException>(() => sandbox.CredentialsHandler(PaymentProvider.Plutu));
    }

    [Fact]
    public async Task Plan_InvalidArguments_Rejected()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();

        Should.Throw<ArgumentException>(() => sandbox.Faults.Plan(PaymentProvider.Plutu, "", SandboxFault.Refuse));
        Should.Throw<ArgumentException>(() => sandbox.Faults.Plan(PaymentProvider.Plutu, "r", [null!]));
        Should.Throw<ArgumentOutOfRangeException>(() => sandbox.Faults.Plan((PaymentProvider)99, "r", SandboxFault.Refuse));
        Should.Throw<ArgumentOutOfRangeException>(() => SandboxFault.Delay(TimeSpan.FromSeconds(-2)));
        Should.Throw<ArgumentOutOfRangeException>(() => SandboxFault.ProviderError("1", (System.Net.HttpStatusCode)700));
        Should.Throw<ArgumentOutOfRangeException>(() => sandbox.SetOutage((PaymentProvider)99, true));
        Should.Throw<ArgumentOutOfRangeException>(() => sandbox.CredentialsHandler((PaymentProvider)99));
        Should.Throw<ArgumentOutOfRangeException>(() => SandboxFault.Delay(TimeSpan.FromDays(50)));
    }

    [Fact]
    public async Task Plan_EmptyList_RemovesThePlan()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        sandbox.Faults.Plan(PaymentProvider.Plutu, "r", SandboxFault.Refuse, SandboxFault.MalformedBody);

        sandbox.Faults.Plan(PaymentProvider.Plutu, "r");

        sandbox.Faults.Remaining(PaymentProvider.Plutu, "r").ShouldBe(0);
    }

    [Fact]
    public void SandboxFault_ToString_NamesKindAndParameters()
    {
        SandboxFault.Delay(TimeSpan.FromMilliseconds(250)).ToString().ShouldBe("Delay(250 ms)");
        SandboxFault.TooManyRequests(TimeSpan.FromSeconds(3)).ToString().ShouldBe("TooManyRequests(Retry-After 3 s)");
        SandboxFault.ProviderError("8001").ToString().ShouldBe("ProviderError(8001)");
        SandboxFault.ResetAfterCharging.ToString().ShouldBe("ResetAfterCharging");
    }
}
