using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Sandbox;

/// <summary>
/// Keeps the README's sandbox example true: the code between the markers below is the README's snippet, compiled and
/// run here; a second test fails when the two drift apart.
/// </summary>
public sealed partial class ReadmeSandboxTests
{
    // README sandbox: begin
    [Fact]
    public async Task LostAnswer_EndsInReconciliation_NeverInASecondCharge()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, o => o.BaseAddress = sandbox.BaseAddress(PaymentProvider.Plutu))
                .AddHttpMessageHandler(() => sandbox.CredentialsHandler(PaymentProvider.Plutu));
        using var provider = services.BuildServiceProvider();
        var plutu = provider.GetRequiredService<IHttpClientFactory>().CreateClient("plutu");

        // Plutu charges invoice inv-1, then the connection drops before the answer arrives.
        sandbox.Faults.Plan(PaymentProvider.Plutu, "inv-1", SandboxFault.ResetAfterCharging);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["invoice_no"] = "inv-1", ["amount"] = "25.000" });

        await Assert.ThrowsAsync<ProviderOutcomeUnknownException>(() => plutu.PostAsync("transaction/edfali/confirm", form));
        Assert.Equal(1, sandbox.Ledger.ChargeCount(PaymentProvider.Plutu, "inv-1")); // charged once, not retried

        using var lookup = await plutu.GetAsync("transaction/status?invoice_no=inv-1"); // reconcile by reference
        Assert.Contains("\"state\":\"paid\"", await lookup.Content.ReadAsStringAsync());
    }
    // README sandbox: end

    [Fact]
    public void Readme_ShowsExactlyTheCompiledSandboxExample()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "integration-tests", "PaymentHttp.IntegrationTests", "Sandbox", "ReadmeSandboxTests.cs"));

        var inReadme = SandboxBlock().Match(readme).Groups["code"].Value;
        var compiled = string.Join('\n', CompiledRegion().Match(source).Groups["code"].Value
            .Split('\n')
            .Select(line => line.Length >= 4 ? line[4..] : line.TrimStart()));

        inReadme.ShouldNotBeNullOrWhiteSpace();
        Normalize(inReadme).ShouldBe(Normalize(compiled));
    }

    // The README block also shows the using directives it needs (ReadmeCodeBlocksTests compiles it as it stands);
    // the compiled example gets them from the file, so they are not compared.
    private static string Normalize(string code) => string.Join(
        '\n',
        code.Replace("\r", string.Empty).Split('\n').Select(l => l.TrimEnd()).Where(l => !l.StartsWith("using ", StringComparison.Ordinal)))
        .Trim();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PaymentHttp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PaymentHttp.sln not found above the test output.");
    }

    [GeneratedRegex(@"<!-- sandbox -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SandboxBlock();

    [GeneratedRegex(@"// README sandbox: begin\n(?<code>.*?)    // README sandbox: end", RegexOptions.Singleline)]
    private static partial Regex CompiledRegion();
}
