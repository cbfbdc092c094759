using System.Reflection;
using System.Runtime.Versioning;

namespace PaymentHttp.Tests.Build;

/// <summary>
/// The unit tests run once per target framework of the library. A net8.0 run may execute on a newer runtime (roll
/// forward, README "Run the tests"), so what it must prove is that the code under test is the library's net8.0 build.
/// </summary>
public sealed class TargetFrameworkTests
{
#if NET10_0
    private const string Expected = ".NETCoreApp,Version=v10.0";
#elif NET8_0
    private const string Expected = ".NETCoreApp,Version=v8.0";
#endif

    [Fact]
    public void TheLibraryUnderTest_IsTheBuildForThisTestRunsTargetFramework()
    {
        FrameworkOf(typeof(PaymentProvider).Assembly).ShouldBe(Expected);
        FrameworkOf(typeof(TargetFrameworkTests).Assembly).ShouldBe(Expected);
    }

    private static string? FrameworkOf(Assembly assembly) => assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
}
