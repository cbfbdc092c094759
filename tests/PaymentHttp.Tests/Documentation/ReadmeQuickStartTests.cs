using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Documentation;

/// <summary>
/// Keeps the README's quick start true: the code between the markers below is the README's snippet, compiled here
/// and run against a scripted provider; a second test fails when the two drift apart.
/// </summary>
public sealed partial class ReadmeQuickStartTests
{
    [Fact]
    public async Task QuickStart_DeclinedPayment_IsCaughtAsTypedException()
    {
        var primary = new ScriptedHandler().Respond(HttpStatusCode.PaymentRequired);
        var services = new ServiceCollection();
        Register(services).ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();

        var outcome = await PayAsync(provider.GetRequiredService<IHttpClientFactory>(), "order-1001");

        outcome.ShouldBe("declined: Plutu declined the payment (HTTP 402): HTTP 402 (PaymentRequired)");
        primary.Requests.Single().Uri.ShouldBe(new Uri("https://api.plutus.ly/api/v1/transaction/edfali/confirm"));
    }

    [Fact]
    public async Task QuickStart_TimeoutOnConfirm_AsksToReconcile()
    {
        var primary = new ScriptedHandler().Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "reset"));
        var services = new ServiceCollection();
        Register(services).ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();

        var outcome = await PayAsync(provider.GetRequiredService<IHttpClientFactory>(), "order-1002");

        outcome.ShouldBe("reconcile order-1002");
        primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public void Readme_ShowsExactlyTheCompiledQuickStart()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "PaymentHttp.Tests", "Documentation", "ReadmeQuickStartTests.cs"));

        var inReadme = QuickStartBlock().Match(readme).Groups["code"].Value;
        var compiled = string.Join('\n', CompiledRegion().Match(source).Groups["code"].Value
            .Split('\n')
            .Select(line => line.Length >= 4 ? line[4..] : line.TrimStart()));

        inReadme.ShouldNotBeNullOrWhiteSpace();
        Normalize(inReadme).ShouldBe(Normalize(compiled));
    }

    // README quick start: begin
    static IHttpClientBuilder Register(IServiceCollection services) =>
        services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, options =>
        {
            options.BaseAddress = new Uri("https://api.plutus.ly/api/v1/");
            options.Retry.MaxRetryAttempts = 3;
        });

    static async Task<string> PayAsync(IHttpClientFactory factory, string invoiceNo)
    {
        var plutu = factory.CreateClient("plutu");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["invoice_no"] = invoiceNo,
            ["amount"] = "25.000",
        });
        try
        {
            using var response = await plutu.PostAsync("transaction/edfali/confirm", form);
            return "paid: " + await response.Content.ReadAsStringAsync();
        }
        catch (ProviderDeclinedException declined)
        {
            return "declined: " + declined.Message;
        }
        catch (ProviderOutcomeUnknownException)
        {
            // The payment may have gone through: look it up by invoice_no before charging again.
            return "reconcile " + invoiceNo;
        }
    }
    // README quick start: end

    private static string Normalize(string code) => string.Join('\n', code.Replace("\r", string.Empty).Trim().Split('\n').Select(l => l.TrimEnd()));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PaymentHttp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PaymentHttp.sln not found above the test output.");
    }

    [GeneratedRegex(@"<!-- quick-start -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlock();

    [GeneratedRegex(@"// README quick start: begin\n(?<code>.*?)    // README quick start: end", RegexOptions.Singleline)]
    private static partial Regex CompiledRegion();
}
