using System.Net;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// Works out, attempt by attempt, how a chaos payment must end under the money rule: which planned fault each attempt
/// takes, what the sandbox charges, what each answer means (<see cref="ProviderReference"/>), and whether the pipeline
/// may send the request again. Where a cut body may or may not still hold its provider code, both readings are
/// followed, so the answer is the set of outcomes the rule allows — usually exactly one.
/// </summary>
public sealed class ChaosOracle
{
    private readonly int _maxRetryAttempts;
    private readonly TimeSpan _maxDelay;

    public ChaosOracle(int maxRetryAttempts, TimeSpan maxDelay)
    {
        _maxRetryAttempts = maxRetryAttempts;
        _maxDelay = maxDelay;
    }

    public IReadOnlySet<ChaosOutcome> Expect(ChaosPayment payment)
    {
        var outcomes = new HashSet<ChaosOutcome>();
        Attempt(payment, new State(Charges: 0, Stored: null, Taken: 0, Attempts: 0), outcomes);
        return outcomes;
    }

    private void Attempt(ChaosPayment payment, State state, HashSet<ChaosOutcome> outcomes)
    {
        var fault = state.Taken < payment.Plan.Count ? payment.Plan[state.Taken] : SandboxFault.None;
        var taken = state.Taken < payment.Plan.Count ? state.Taken + 1 : state.Taken;
        var next = state with { Taken = taken, Attempts = state.Attempts + 1 };
        foreach (var (verdict, after) in Answer(payment, fault, next))
        {
            Decide(payment, verdict, after, outcomes);
        }
    }

    private void Decide(ChaosPayment payment, AttemptVerdict verdict, State state, HashSet<ChaosOutcome> outcomes)
    {
        if (verdict.IsSuccess)
        {
            var outcome = verdict.BodyUnreadable ? ChaosOutcome.SuccessWithUnreadableBody : ChaosOutcome.Success;
            outcomes.Add(new ChaosOutcome(outcome, state.Charges, state.Attempts, state.Taken));
            return;
        }

        var retryable = verdict.Safety == PaymentRetrySafety.Always
            || (verdict.Safety == PaymentRetrySafety.SafeOnly && payment.IsSafeToRepeat);
        var waitTooLong = verdict.RetryAfter is { } after && after > _maxDelay;
        if (retryable && !waitTooLong && state.Attempts <= _maxRetryAttempts)
        {
            Attempt(payment, state, outcomes);
            return;
        }

        // A failure the provider may have acted on is final only as "reconcile first" for a request that is not safe
        // to repeat; for a safe request that ran out of retries it is the provider being unavailable.
        var category = verdict.Safety == PaymentRetrySafety.SafeOnly
            ? payment.IsSafeToRepeat ? PaymentErrorCategory.Transient : PaymentErrorCategory.OutcomeUnknown
            : verdict.Category!.Value;
        outcomes.Add(new ChaosOutcome(ChaosOutcome.ExceptionFor(category), state.Charges, state.Attempts, state.Taken));
    }

    /// <summary>The possible readings of one attempt's answer, each with the sandbox's state after it.</summary>
    private static IEnumerable<(AttemptVerdict Verdict, State After)> Answer(ChaosPayment payment, SandboxFault fault, State state)
    {
        var provider = payment.Provider;
        switch (fault.Kind)
        {
            case SandboxFaultKind.Refuse:
                yield return (AttemptVerdict.NotSent, state);
                yield break;
            case SandboxFaultKind.ResetBeforeProcessing:
                yield return (AttemptVerdict.MayHaveBeenProcessed, state);
                yield break;
            case SandboxFaultKind.TooManyRequests:
                yield return (ProviderReference.TooManyRequests(provider, WholeSeconds(fault.RetryAfter)), state);
                yield break;
            case SandboxFaultKind.ServiceUnavailable:
                yield return (ProviderReference.ServiceUnavailable(provider), state);
                yield break;
            case SandboxFaultKind.ProviderError:
                yield return (ProviderReference.Codes(provider).Single(c => c.Code == fault.ProviderCode).Verdict, state);
                yield break;
            case SandboxFaultKind.Redirect when fault.StatusCode != HttpStatusCode.SeeOther:
                yield return (ProviderReference.Moved, state); // answered before anything was charged
                yield break;
        }

        var (answer, processed) = Process(payment, state);
        switch (fault.Kind)
        {
            case SandboxFaultKind.ResetAfterCharging:
            case SandboxFaultKind.Delay: // held past the attempt timeout
                yield return (AttemptVerdict.MayHaveBeenProcessed, processed);
                break;
            case SandboxFaultKind.ServerErrorAfterCharging:
                yield return (ProviderReference.ServerError(provider), processed);
                break;
            case SandboxFaultKind.MalformedBody:
                // Complete on the wire, its JSON cut in half: the code may or may not have made it.
                yield return (answer.ByCode.IsSuccess ? AttemptVerdict.SuccessWithUnreadableBody : answer.ByCode, processed);

                // Without the code, a 2xx of a provider whose body decides says nothing: the answer is lost.
                yield return (answer.IsSuccessStatus && ProviderReference.DecidesSuccessInsideTheBody(provider)
                    ? AttemptVerdict.MayHaveBeenProcessed
                    : answer.ByStatusAlone, processed);
                break;
            case SandboxFaultKind.Redirect: // 303 after charging
                yield return (ProviderReference.SeeOther, processed);
                break;
            case SandboxFaultKind.CorruptCompressed:
                // Not one byte decodes: a 2xx answer is lost; an error status is classified by its status (and headers) alone.
                yield return (answer.IsSuccessStatus ? AttemptVerdict.MayHaveBeenProcessed : answer.ByStatusAlone, processed);
                break;
            case SandboxFaultKind.TruncatedBody:
                if (answer.IsSuccessStatus)
                {
                    // The 2xx body broke off while PaymentHttp buffered it: the answer is lost.
                    yield return (AttemptVerdict.MayHaveBeenProcessed, processed);
                }
                else
                {
                    // An error body is classified from what arrived.
                    yield return (answer.ByCode, processed);
                    yield return (answer.ByStatusAlone, processed);
                }

                break;
            default: // None, and Compressed and Chunked: the same decoded bytes whatever the encoding and framing
                yield return (answer.ByCode, processed);
                break;
        }
    }

    /// <summary>What the sandbox does when it processes the payment: PlexyPay's idempotency store, declines, duplicates, charges.</summary>
    private static (ProcessedAnswer Answer, State After) Process(ChaosPayment payment, State state)
    {
        if (payment.Provider == PaymentProvider.PlexyPay && payment.IdempotencyKey is not null && state.Stored is { } stored)
        {
            return (stored, state); // the stored answer again, nothing charged
        }

        ProcessedAnswer answer;
        if (ProviderReference.Decline(payment) is { } decline)
        {
            answer = decline;
        }
        else if (state.Charges > 0 && ProviderReference.RejectsDuplicates(payment.Provider))
        {
            answer = ProviderReference.Duplicate(payment.Provider);
        }
        else
        {
            answer = ProviderReference.Approved(payment.Provider);
        }

        var after = state with
        {
            Charges = state.Charges + (answer.Charged ? 1 : 0),
            Stored = payment.IdempotencyKey is not null ? answer : state.Stored,
        };
        return (answer, after);
    }

    /// <summary>The sandbox sends <c>Retry-After</c> in whole seconds, rounded up.</summary>
    private static TimeSpan? WholeSeconds(TimeSpan? retryAfter) =>
        retryAfter is { } after ? TimeSpan.FromSeconds(Math.Ceiling(after.TotalSeconds)) : null;

    private sealed record State(int Charges, ProcessedAnswer? Stored, int Taken, int Attempts);
}
