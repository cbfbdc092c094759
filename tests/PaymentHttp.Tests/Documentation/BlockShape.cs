namespace PaymentHttp.Tests.Documentation;

/// <summary>How a block is wrapped to compile (see <see cref="ReadmeCodeBlocks"/>).</summary>
public enum BlockShape
{
    /// <summary>Statements: the body of an async method.</summary>
    Statements,

    /// <summary>Members: the body of a class.</summary>
    Members,

    /// <summary>Catch clauses: after a <c>try</c> in the body of an async method.</summary>
    CatchClauses,
}
