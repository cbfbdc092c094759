namespace PaymentHttp.Fleet.CommandLine;

/// <summary>Which rate budget a worker's payment client uses.</summary>
public enum BudgetMode
{
    /// <summary>One budget for the whole fleet, on Redis.</summary>
    Shared,

    /// <summary>The in-process budget: each instance believes it has the provider's whole limit to itself.</summary>
    Local,

    /// <summary>No client-side budget: each instance discovers the limit through 429s.</summary>
    None,
}
