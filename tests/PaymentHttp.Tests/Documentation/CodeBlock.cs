namespace PaymentHttp.Tests.Documentation;

/// <summary>A <c>```csharp</c> block: its code lines, and the 1-based line of the first in the Markdown file.</summary>
public sealed record CodeBlock(int FirstLine, IReadOnlyList<string> Lines)
{
    /// <inheritdoc />
    public override string ToString() => $"README.md line {FirstLine}";
}
