namespace PaymentHttp.Demo.Scenarios;

/// <summary>What a scenario saw.</summary>
/// <param name="AsExpected">Whether the behaviour was the one PaymentHttp promises.</param>
/// <param name="Attempts">The HTTP attempts of the payment under test: the typed exception's <c>Attempts</c>, or the requests that reached the sandbox.</param>
/// <param name="Outcome">A few words on what happened.</param>
/// <param name="Exception">The typed exception the caller caught, if any.</param>
internal sealed record ScenarioObservation(bool AsExpected, int Attempts, string Outcome, Exception? Exception = null);
