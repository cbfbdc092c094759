namespace PaymentHttp.Demo;

/// <summary>The demo's exit codes, for CI.</summary>
internal static class ExitCodes
{
    /// <summary>Every scenario behaved as expected and nothing was charged twice.</summary>
    public const int Success = 0;

    /// <summary>At least one scenario did not behave as expected, or a payment was charged twice.</summary>
    public const int Misbehaved = 1;

    /// <summary>The command line was not understood.</summary>
    public const int Usage = 2;
}
