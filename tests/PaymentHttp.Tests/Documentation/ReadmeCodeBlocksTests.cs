using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PaymentHttp.Tests.Documentation;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles, warnings as errors, against the assemblies this test runs
/// with: PaymentHttp, PaymentHttp.Testing, PaymentHttp.Redis, Microsoft.Extensions.Http.Resilience, Polly,
/// OpenTelemetry, hosting and ASP.NET Core. How a fragment is wrapped is described on <see cref="ReadmeCodeBlocks"/>;
/// a failure names the README line of each error.
/// </summary>
public sealed class ReadmeCodeBlocksTests
{
    private const string ReadmeName = "README.md";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>What the .NET SDK silences in every project: assembly-version unification notes (CS1701, CS1702).</summary>
    private static readonly Dictionary<string, ReportDiagnostic> SdkNoWarn = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    public static TheoryData<int> ReadmeBlocks()
    {
        var data = new TheoryData<int>();
        foreach (var block in ReadmeCodeBlocks.Extract(ReadReadme()))
        {
            data.Add(block.FirstLine);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadmeBlocks))]
    public void ReadmeBlock_Compiles(int firstLine)
    {
        var block = ReadmeCodeBlocks.Extract(ReadReadme()).Single(b => b.FirstLine == firstLine);

        var errors = Compile(block);

        errors.ShouldBeEmpty($"The ```csharp block at {ReadmeName} line {firstLine} ({ReadmeCodeBlocks.ShapeOf(block)}) does not compile:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void Readme_HasTheBlocksThisTestCompiles()
    {
        var readme = ReadReadme();
        var fences = readme.Split('\n').Count(line => line.TrimEnd() == "```csharp");

        var blocks = ReadmeCodeBlocks.Extract(readme);

        fences.ShouldBeGreaterThan(10);
        blocks.Count.ShouldBe(fences);
        blocks.ShouldAllBe(block => block.Lines.Any(line => line.Trim().Length > 0));
        blocks.Select(ReadmeCodeBlocks.ShapeOf).Distinct().Count().ShouldBe(3, "the README has statements, members and catch-clause blocks");
    }

    [Fact]
    public void BrokenBlock_FailsWithItsReadmeLine()
    {
        const string markdown = "# Title\n\ntext\n\n```csharp\nusing Polly;\n\nservices.AddHttpClient(\"x\");\nservices.NoSuchMethod();\n```\n";
        var block = ReadmeCodeBlocks.Extract(markdown).Single();

        var errors = Compile(block);

        block.FirstLine.ShouldBe(6);
        errors.ShouldHaveSingleItem().ShouldStartWith($"{ReadmeName}({9},");
        errors[0].ShouldContain("CS1061");
    }

    [Fact]
    public void BlockWithAWarning_Fails()
    {
        // A nullable warning is an error in a project with warnings as errors, the README's readers' included.
        var block = ReadmeCodeBlocks.Extract("```csharp\nstring text = configuration[\"Missing\"];\n```").Single();

        var errors = Compile(block);

        errors.ShouldHaveSingleItem().ShouldContain("CS8600");
    }

    [Theory]
    [InlineData("services.AddHttpClient(\"x\");", BlockShape.Statements)]
    [InlineData("// a comment\nusing Polly;\nConsole.WriteLine(new ResiliencePipelineBuilder());", BlockShape.Statements)]
    [InlineData("catch (ProviderDeclinedException) { }", BlockShape.CatchClauses)]
    [InlineData("[Obsolete]\npublic void M() { }", BlockShape.Members)]
    [InlineData("static int Twice(int x) => 2 * x;", BlockShape.Members)]
    public void Shape_IsTakenFromTheFirstCodeLine(string code, BlockShape expected)
    {
        var block = ReadmeCodeBlocks.Extract($"```csharp\n{code}\n```").Single();

        ReadmeCodeBlocks.ShapeOf(block).ShouldBe(expected);
        Compile(block).ShouldBeEmpty();
    }

    private static List<string> Compile(CodeBlock block)
    {
        var tree = CSharpSyntaxTree.ParseText(
            ReadmeCodeBlocks.Wrap(block, ReadmeName),
            new CSharpParseOptions(LanguageVersion.Latest),
            path: "ReadmeBlock.cs");
        var compilation = CSharpCompilation.Create(
            "ReadmeBlock" + block.FirstLine,
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
                .WithSpecificDiagnosticOptions(SdkNoWarn));

        return compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(Describe)
            .ToList();
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The assemblies this test process runs with (the runtime, ASP.NET Core, and every package and project the test
    /// project references), which are the real packages the README names.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        paths.ShouldNotBeEmpty("the test host lists its assemblies in TRUSTED_PLATFORM_ASSEMBLIES");
        return [.. paths.Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Select(path => MetadataReference.CreateFromFile(path))];
    }

    private static string ReadReadme() =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), ReadmeName)).Replace("\r", string.Empty, StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PaymentHttp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PaymentHttp.sln not found above the test output.");
    }
}
