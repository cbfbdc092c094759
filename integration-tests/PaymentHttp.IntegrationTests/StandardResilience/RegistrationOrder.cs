namespace PaymentHttp.IntegrationTests.StandardResilience;

/// <summary>Where a generic resilience handler comes from, relative to <c>AddPaymentProviderClient</c>.</summary>
public enum RegistrationOrder
{
    /// <summary><c>ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler())</c> first, as .NET Aspire's ServiceDefaults do.</summary>
    ClientDefaultsBefore,

    /// <summary>The same, called after the payment client is registered.</summary>
    ClientDefaultsAfter,

    /// <summary><c>.AddStandardResilienceHandler()</c> chained after <c>AddPaymentProviderClient</c>.</summary>
    StandardChainedAfter,

    /// <summary><c>.AddResilienceHandler(...)</c> with a retry and a timeout, chained after it.</summary>
    CustomChainedAfter,

    /// <summary><c>AddHttpClient(name).AddStandardResilienceHandler()</c> before <c>AddPaymentProviderClient(name, ...)</c>.</summary>
    StandardBeforeRegistration,
}
