using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentHttp.Tests.TestUtilities;
using Polly;

namespace PaymentHttp.Tests.DependencyInjection;

/// <summary>
/// The last step of a payment client's handler configuration: redirects off on the primary handler, whatever the
/// user configured and in whatever order, and no generic resilience handler besides PaymentHttp's.
/// </summary>
public sealed class HandlerChainPolicyTests
{
    private const string Name = "plutu";

    public enum Order
    {
        PrimaryBeforeRegistration,
        PrimaryAfterRegistration,
        PrimaryFromClientDefaults,
    }

    public enum ResilienceSetup
    {
        ClientDefaultsBefore,
        ClientDefaultsAfter,
        StandardChainedAfter,
        CustomChainedAfter,
        StandardBeforeRegistration,
        HedgingChainedAfter,
        PollyV7ChainedAfter,
    }

    [Fact]
    public void DefaultPrimaryHandler_DoesNotFollowRedirects()
    {
        using var provider = Build(services => Register(services));

        var primary = PrimaryOf(provider);

        AllowsRedirects(primary).ShouldBe(false);
    }

    [Theory]
    [InlineData(Order.PrimaryBeforeRegistration, false)]
    [InlineData(Order.PrimaryAfterRegistration, false)]
    [InlineData(Order.PrimaryFromClientDefaults, false)]
    [InlineData(Order.PrimaryBeforeRegistration, true)]
    [InlineData(Order.PrimaryAfterRegistration, true)]
    [InlineData(Order.PrimaryFromClientDefaults, true)]
    public void ConfiguredPrimaryHandler_RedirectsSwitchedOff_InEveryOrder(Order order, bool useHttpClientHandler)
    {
        var configured = new List<HttpMessageHandler>();
        HttpMessageHandler Create()
        {
            HttpMessageHandler handler = useHttpClientHandler ? new HttpClientHandler { AllowAutoRedirect = true } : new SocketsHttpHandler { AllowAutoRedirect = true };
            configured.Add(handler);
            return handler;
        }

        using var provider = Build(services =>
        {
            switch (order)
            {
                case Order.PrimaryBeforeRegistration:
                    services.AddHttpClient(Name).ConfigurePrimaryHttpMessageHandler(Create);
                    Register(services);
                    break;
                case Order.PrimaryAfterRegistration:
                    Register(services).ConfigurePrimaryHttpMessageHandler(Create);
                    break;
                case Order.PrimaryFromClientDefaults:
                    Register(services);
                    services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(Create));
                    break;
            }
        });

        var primary = PrimaryOf(provider);

        configured.ShouldHaveSingleItem().ShouldBeSameAs(primary);
        AllowsRedirects(primary).ShouldBe(false);
    }

    [Fact]
    public void PrimaryHandlerWrappingSocketsHttpHandler_RedirectsSwitchedOffOnTheInnerHandler()
    {
        var inner = new SocketsHttpHandler { AllowAutoRedirect = true };
        using var provider = Build(services => Register(services).ConfigurePrimaryHttpMessageHandler(() => new PassThroughHandler { InnerHandler = new PassThroughHandler { InnerHandler = inner } }));

        _ = PrimaryOf(provider);

        inner.AllowAutoRedirect.ShouldBe(false);
    }

    [Fact]
    public async Task PrimaryHandlerThatAlreadySentRequests_AndFollowsRedirects_FailsNamingTheClient()
    {
        var shared = new SocketsHttpHandler { AllowAutoRedirect = true, ConnectTimeout = TimeSpan.FromSeconds(5) };
        using (var invoker = new HttpMessageInvoker(shared, disposeHandler: false))
        {
            // Nothing listens on port 1: refused at once, but the handler counts as started.
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/");
            await Should.ThrowAsync<HttpRequestException>(() => invoker.SendAsync(request, CancellationToken.None));
        }

        using var provider = Build(services => Register(services).ConfigurePrimaryHttpMessageHandler(() => shared));

        var exception = Should.Throw<InvalidOperationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient(Name));

        exception.Message.ShouldContain("PaymentHttp client 'plutu'");
        exception.Message.ShouldContain("AllowAutoRedirect");
        shared.Dispose();
    }

    [Fact]
    public void UnknownPrimaryHandler_IsLeftAlone()
    {
        var scripted = new ScriptedHandler();
        using var provider = Build(services => Register(services).ConfigurePrimaryHttpMessageHandler(() => scripted));

        PrimaryOf(provider).ShouldBeSameAs(scripted);
    }

    [Fact]
    public void OtherClients_KeepTheirRedirectPolicy()
    {
        var other = new SocketsHttpHandler { AllowAutoRedirect = true };
        using var provider = Build(services =>
        {
            Register(services);
            services.AddHttpClient("catalog").ConfigurePrimaryHttpMessageHandler(() => other);
        });

        _ = PrimaryOf(provider, "catalog");

        other.AllowAutoRedirect.ShouldBe(true);
    }

    [Theory]
    [InlineData(ResilienceSetup.ClientDefaultsBefore)]
    [InlineData(ResilienceSetup.ClientDefaultsAfter)]
    [InlineData(ResilienceSetup.StandardChainedAfter)]
    [InlineData(ResilienceSetup.CustomChainedAfter)]
    [InlineData(ResilienceSetup.StandardBeforeRegistration)]
    [InlineData(ResilienceSetup.HedgingChainedAfter)]
    [InlineData(ResilienceSetup.PollyV7ChainedAfter)]
    public void GenericResilienceHandler_IsRemoved_WithOneWarningNamingTheClient(ResilienceSetup setup)
    {
        using var logs = new FakeLoggerProvider();
        using var provider = Build(services => AddResilience(services, setup), logs);

        var handlers = HandlersOf(provider);

        handlers.ShouldContain(h => h is PaymentResilienceHandler);
        handlers.ShouldNotContain(h => ForeignResilienceHandlers.IsGenericResilienceHandler(h));
        var warning = logs.Collector.GetSnapshot().ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Category.ShouldBe("PaymentHttp");
        warning.Message.ShouldContain("PaymentHttp client 'plutu': removed ");
        warning.Message.ShouldContain(setup == ResilienceSetup.PollyV7ChainedAfter ? "PolicyHttpMessageHandler" : "ResilienceHandler");
    }

    [Fact]
    public void ClientDefaults_StillApplyToClientsThatAreNoPaymentClients()
    {
        using var provider = Build(services =>
        {
            AddResilience(services, ResilienceSetup.ClientDefaultsBefore);
            services.AddHttpClient("catalog");
        });

        HandlersOf(provider, "catalog").ShouldContain(h => h is ResilienceHandler);
    }

    [Fact]
    public void Warning_IsLoggedOncePerClient_NotOnEveryHandlerRotation()
    {
        using var logs = new FakeLoggerProvider();
        using var provider = Build(services => AddResilience(services, ResilienceSetup.ClientDefaultsBefore), logs);

        var first = BuildHandlers(provider, Name);
        var second = BuildHandlers(provider, Name);

        first.ShouldNotContain(h => h is ResilienceHandler);
        second.ShouldNotContain(h => h is ResilienceHandler);
        logs.Collector.GetSnapshot().Count.ShouldBe(1);
    }

    [Fact]
    public void OwnResilienceOutsideWithPaymentHttpResilienceOff_IsKept()
    {
        using var logs = new FakeLoggerProvider();
        using var provider = Build(
            services =>
            {
                var builder = services.AddHttpClient(Name);
                builder.AddResilienceHandler("mine", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions { ShouldHandle = PaymentResiliencePredicates.ShouldRetry }));
                builder.AddPaymentProviderHandlers(PaymentProvider.Plutu, ResilienceOff);
            },
            logs);

        var handlers = HandlersOf(provider);

        handlers.FindIndex(h => h is ResilienceHandler).ShouldBeLessThan(handlers.FindIndex(h => h is PaymentResilienceHandler));
        logs.Collector.GetSnapshot().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OwnResilienceInAnAppWithStandardClientDefaults_RemoveAllResilienceHandlersFirst_LeavesExactlyYours(bool defaultsFirst)
    {
        using var provider = Build(services =>
        {
            if (defaultsFirst)
            {
                services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
            }

#pragma warning disable EXTEXP0001 // the package's own way to drop the defaults' handler, still marked experimental
            var builder = services.AddHttpClient(Name).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
            builder.AddResilienceHandler("mine", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions { ShouldHandle = PaymentResiliencePredicates.ShouldRetry }));
            builder.AddPaymentProviderHandlers(PaymentProvider.Plutu, ResilienceOff);
            if (!defaultsFirst)
            {
                services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
            }
        });

        var handlers = HandlersOf(provider);

        handlers.Count(h => h is ResilienceHandler).ShouldBe(1);
        handlers.FindIndex(h => h is ResilienceHandler).ShouldBeLessThan(handlers.FindIndex(h => h is PaymentResilienceHandler));
    }

    [Fact]
    public void ResilienceBelowPaymentHttp_IsRemovedEvenWithPaymentHttpResilienceOff()
    {
        using var logs = new FakeLoggerProvider();
        using var provider = Build(services => services.AddPaymentProviderClient(Name, PaymentProvider.Plutu, ResilienceOff).AddStandardResilienceHandler(), logs);

        HandlersOf(provider).ShouldNotContain(h => h is ResilienceHandler);
        logs.Collector.GetSnapshot().ShouldHaveSingleItem().Message.ShouldContain("below PaymentHttp's handlers");
    }

    [Fact]
    public void ResilienceOutside_IsRemovedWhenOnlyTheBreakerIsOn()
    {
        using var provider = Build(services =>
        {
            services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
            services.AddPaymentProviderClient(Name, PaymentProvider.Plutu, o => o.Retry.MaxRetryAttempts = 0);
        });

        HandlersOf(provider).ShouldNotContain(h => h is ResilienceHandler);
    }

    private static void ResilienceOff(PaymentProviderClientOptions options)
    {
        options.BaseAddress = new Uri("http://plutu.test/");
        options.Retry.MaxRetryAttempts = 0;
        options.CircuitBreaker.Enabled = false;
    }

    private static void AddResilience(IServiceCollection services, ResilienceSetup setup)
    {
        switch (setup)
        {
            case ResilienceSetup.ClientDefaultsBefore:
                services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
                Register(services);
                break;
            case ResilienceSetup.ClientDefaultsAfter:
                Register(services);
                services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
                break;
            case ResilienceSetup.StandardChainedAfter:
                Register(services).AddStandardResilienceHandler();
                break;
            case ResilienceSetup.CustomChainedAfter:
                Register(services).AddResilienceHandler("custom", pipeline => pipeline.AddTimeout(TimeSpan.FromSeconds(1)));
                break;
            case ResilienceSetup.StandardBeforeRegistration:
                services.AddHttpClient(Name).AddStandardResilienceHandler();
                Register(services);
                break;
            case ResilienceSetup.HedgingChainedAfter:
                Register(services).AddStandardHedgingHandler();
                break;
            case ResilienceSetup.PollyV7ChainedAfter:
                Register(services).AddHttpMessageHandler(() => new PolicyHttpMessageHandler());
                break;
        }
    }

    private static IHttpClientBuilder Register(IServiceCollection services) =>
        services.AddPaymentProviderClient(Name, PaymentProvider.Plutu, o => o.BaseAddress = new Uri("http://plutu.test/"));

    private static ServiceProvider Build(Action<IServiceCollection> configure, FakeLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        configure(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The handlers as the HttpClient factory builds them, outermost first.</summary>
    private static List<DelegatingHandler> HandlersOf(ServiceProvider provider, string name = Name)
    {
        var handlers = new List<DelegatingHandler>();
        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);
        while (handler is DelegatingHandler delegating)
        {
            handlers.Add(delegating);
            handler = delegating.InnerHandler;
        }

        return handlers;
    }

    private static HttpMessageHandler PrimaryOf(ServiceProvider provider, string name = Name)
    {
        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);
        while (handler is DelegatingHandler delegating && delegating is not PassThroughHandler)
        {
            handler = delegating.InnerHandler;
        }

        return handler!;
    }

    /// <summary>Runs the client's handler configuration again, as the factory does on each handler rotation.</summary>
    private static IList<DelegatingHandler> BuildHandlers(ServiceProvider provider, string name)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(name);
        var builder = provider.GetRequiredService<HttpMessageHandlerBuilder>();
        builder.Name = name;
        foreach (var action in options.HttpMessageHandlerBuilderActions)
        {
            action(builder);
        }

        return builder.AdditionalHandlers;
    }

    private static bool? AllowsRedirects(HttpMessageHandler handler) => handler switch
    {
        SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
        HttpClientHandler client => client.AllowAutoRedirect,
        _ => null,
    };

    private sealed class PassThroughHandler : DelegatingHandler
    {
    }
}
