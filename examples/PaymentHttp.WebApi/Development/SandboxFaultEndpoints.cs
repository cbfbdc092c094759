using System.Globalization;
using System.Net;
using PaymentHttp.Testing;
using PaymentHttp.WebApi.Payments;
using PaymentHttp.WebApi.Providers;

namespace PaymentHttp.WebApi.Development;

/// <summary>
/// <c>POST /sandbox/faults</c>: plans the in-process sandbox's faults for a merchant reference over HTTP, so that a
/// timeout, a dropped connection or a provider error can be tried with <c>curl</c>. Mapped only in Development and
/// only when the sandbox runs: in any other environment the route does not exist.
/// </summary>
internal static class SandboxFaultEndpoints
{
    public static void MapSandboxFaultEndpoints(this IEndpointRouteBuilder endpoints, ProviderSandbox sandbox) =>
        endpoints.MapPost("/sandbox/faults", (FaultPlanRequest plan, ConfiguredProviders providers) => Plan(plan, providers, sandbox));

    private static IResult Plan(FaultPlanRequest plan, ConfiguredProviders providers, ProviderSandbox sandbox)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckoutValidator.TryProvider(plan.Provider, providers, errors, out var provider);
        if (string.IsNullOrWhiteSpace(plan.MerchantReference))
        {
            errors["merchantReference"] = ["Required."];
        }

        var faults = new List<SandboxFault>();
        if (plan.Faults is null)
        {
            errors["faults"] = ["Required: one fault per attempt, for example [{\"kind\":\"ResetAfterCharging\"}]; [] removes the plan."];
        }
        else
        {
            for (var index = 0; index < plan.Faults.Count; index++)
            {
                if (ToFault(plan.Faults[index], out var error) is { } fault)
                {
                    faults.Add(fault);
                }
                else
                {
                    errors[string.Create(CultureInfo.InvariantCulture, $"faults[{index}]")] = [error];
                }
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        sandbox.Faults.Plan(provider, plan.MerchantReference!, [.. faults]);
        return Results.Ok(new FaultPlanResponse(provider.ToString(), plan.MerchantReference!, [.. faults.Select(fault => fault.ToString())]));
    }

    private static SandboxFault? ToFault(FaultRequest? request, out string error)
    {
        error = "";
        if (request?.Kind is not { } name || !Enum.TryParse<SandboxFaultKind>(name, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
            || int.TryParse(name, CultureInfo.InvariantCulture, out _))
        {
            error = $"kind must be one of: {string.Join(", ", Enum.GetNames<SandboxFaultKind>())}.";
            return null;
        }

        try
        {
            return kind switch
            {
                SandboxFaultKind.None => SandboxFault.None,
                SandboxFaultKind.Refuse => SandboxFault.Refuse,
                SandboxFaultKind.ResetBeforeProcessing => SandboxFault.ResetBeforeProcessing,
                SandboxFaultKind.ResetAfterCharging => SandboxFault.ResetAfterCharging,
                SandboxFaultKind.ServiceUnavailable => SandboxFault.ServiceUnavailable,
                SandboxFaultKind.ServerErrorAfterCharging => SandboxFault.ServerErrorAfterCharging,
                SandboxFaultKind.MalformedBody => SandboxFault.MalformedBody,
                SandboxFaultKind.TruncatedBody => SandboxFault.TruncatedBody,
                SandboxFaultKind.Delay => SandboxFault.Delay(request.Seconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan),
                SandboxFaultKind.TooManyRequests => SandboxFault.TooManyRequests(request.RetryAfterSeconds is { } after ? TimeSpan.FromSeconds(after) : null),
                SandboxFaultKind.ProviderError => SandboxFault.ProviderError(request.Code ?? "", (HttpStatusCode?)request.Status),
                _ => throw new ArgumentOutOfRangeException(nameof(request), kind, "A fault kind this endpoint does not know."),
            };
        }
        catch (ArgumentException invalid)
        {
            // The sandbox's own checks: a negative delay, an empty code, a status outside 200-599.
            error = kind + ": " + invalid.Message;
            return null;
        }
    }
}
