using System.Text;
using System.Text.RegularExpressions;

namespace PaymentHttp.Tests.Documentation;

/// <summary>
/// Finds the <c>```csharp</c> blocks of a Markdown file and wraps each into a compilable C# file, with <c>#line</c>
/// directives so that every diagnostic names the block's line in the Markdown file.
/// </summary>
/// <remarks>
/// <para>The wrapping is chosen by the block's shape (its first line that is neither a <c>using</c> directive, blank
/// nor a <c>//</c> comment):</para>
/// <list type="bullet">
/// <item><b>Catch clauses</b> — it starts with <c>catch</c>: the block follows <c>try { await Task.Yield(); }</c>
/// in the body of the async method described below.</item>
/// <item><b>Members</b> — it starts with <c>[</c> (an attribute), <c>static</c>, <c>public</c>, <c>private</c> or
/// <c>internal</c>: the block is the body of <c>public sealed class ReadmeBlock</c>.</item>
/// <item><b>Statements</b> — anything else: the block is the body of
/// <c>static async Task&lt;object?&gt; RunAsync(...)</c>, whose parameters are the names a <c>Program.cs</c> or a
/// controller has without declaring them (<c>services</c>, <c>configuration</c>, <c>builder</c>, <c>logger</c>,
/// <c>ModelState</c>) and the ones the README's prose introduces (<c>ptsHost</c>, <c>pts</c>, <c>order</c>).</item>
/// </list>
/// <para>Every block sees the implicit usings of an ASP.NET Core project (Microsoft.NET.Sdk.Web) and
/// <c>using PaymentHttp;</c>, and a <c>CheckoutClient</c> typed client; any other namespace the block must import
/// itself, in <c>using</c> lines at its top, which are moved to the top of the file.</para>
/// </remarks>
public static partial class ReadmeCodeBlocks
{
    /// <summary>The implicit usings of Microsoft.NET.Sdk.Web, and PaymentHttp's namespace.</summary>
    private static readonly string[] AmbientUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
        "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        "PaymentHttp",
    ];

    private const string AmbientParameters =
        "global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, " +
        "global::Microsoft.Extensions.Configuration.IConfiguration configuration, " +
        "global::Microsoft.AspNetCore.Builder.WebApplicationBuilder builder, " +
        "global::Microsoft.Extensions.Logging.ILogger logger, " +
        "global::Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary ModelState, " +
        "string ptsHost, global::System.Net.Http.HttpClient pts, object order";

    private const string CheckoutClient = """
        public sealed class CheckoutClient
        {
            public CheckoutClient(global::System.Net.Http.HttpClient http) => Http = http;

            public global::System.Net.Http.HttpClient Http { get; }
        }
        """;

    /// <summary>Gets every <c>```csharp</c> block of <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<CodeBlock> Extract(string markdown)
    {
        var lines = markdown.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```csharp")
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, line => line.TrimEnd() == "```");
            if (end < 0)
            {
                throw new InvalidOperationException($"The ```csharp block at line {i + 1} is never closed.");
            }

            // Line numbers are 1-based: the first code line is the one after the fence.
            blocks.Add(new CodeBlock(i + 2, lines[(i + 1)..end]));
            i = end;
        }

        return blocks;
    }

    /// <summary>Gets the shape that decides how <paramref name="block"/> is wrapped.</summary>
    public static BlockShape ShapeOf(CodeBlock block)
    {
        var first = block.Lines.Select(line => line.Trim())
            .FirstOrDefault(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal) && !UsingDirective().IsMatch(line))
            ?? string.Empty;
        if (first.StartsWith("catch", StringComparison.Ordinal))
        {
            return BlockShape.CatchClauses;
        }

        string[] memberStarts = ["[", "static ", "public ", "private ", "internal "];
        return memberStarts.Any(start => first.StartsWith(start, StringComparison.Ordinal)) ? BlockShape.Members : BlockShape.Statements;
    }

    /// <summary>Wraps <paramref name="block"/> into a C# file whose diagnostics map to <paramref name="fileName"/>.</summary>
    public static string Wrap(CodeBlock block, string fileName)
    {
        var source = new StringBuilder();
        foreach (var ambient in AmbientUsings)
        {
            source.Append("using ").Append(ambient).AppendLine(";");
        }

        // The block's own using lines, at the top of the file, each mapped to its line in the Markdown file.
        var body = new List<(int Line, string Text)>();
        var inUsings = true;
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var text = block.Lines[i];
            if (inUsings && UsingDirective().IsMatch(text.Trim()))
            {
                source.AppendLine(CultureInvariant($"#line {block.FirstLine + i} \"{fileName}\"")).AppendLine(text).AppendLine("#line default");
                continue;
            }

            inUsings &= text.Trim().Length == 0 || text.TrimStart().StartsWith("//", StringComparison.Ordinal);
            body.Add((block.FirstLine + i, text));
        }

        source.AppendLine(CheckoutClient);
        var shape = ShapeOf(block);
        if (shape == BlockShape.Members)
        {
            source.AppendLine("public sealed class ReadmeBlock").AppendLine("{");
        }
        else
        {
            source.AppendLine("public static class ReadmeBlock").AppendLine("{")
                .Append("    public static async Task<object?> RunAsync(").Append(AmbientParameters).AppendLine(")").AppendLine("    {")
                .AppendLine(shape == BlockShape.CatchClauses ? "        try { await Task.Yield(); }" : "        await Task.Yield();");
        }

        if (body.Count > 0)
        {
            source.AppendLine(CultureInvariant($"#line {body[0].Line} \"{fileName}\""));
            foreach (var (_, text) in body)
            {
                source.AppendLine(text);
            }

            source.AppendLine("#line default");
        }

        if (shape != BlockShape.Members)
        {
            source.AppendLine("        return null;").AppendLine("    }");
        }

        return source.AppendLine("}").ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"^using\s+(static\s+)?[A-Za-z_][\w.]*\s*;$")]
    private static partial Regex UsingDirective();
}
