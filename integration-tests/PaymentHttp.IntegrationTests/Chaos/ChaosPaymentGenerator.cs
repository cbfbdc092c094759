using System.Globalization;
using System.Net;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// Generates the chaos run's payments from one seed, so that a run can be replayed exactly: providers in turn (the
/// PagarStar ones alternating between plain JSON and the PTS encoding), some declines, some requests that are safe to
/// repeat, and for about <see cref="FaultedShare"/> of them a plan of one to three faults of every kind the sandbox
/// offers, so that retries meet faults too.
/// </summary>
public sealed class ChaosPaymentGenerator
{
    public const double FaultedShare = 0.30;

    private const double DeclineShare = 0.08;

    /// <summary>Every fault kind the sandbox offers (all but <see cref="SandboxFaultKind.None"/>).</summary>
    public static readonly IReadOnlyList<SandboxFaultKind> InjectedKinds =
        [.. Enum.GetValues<SandboxFaultKind>().Where(kind => kind != SandboxFaultKind.None)];

    private static readonly PaymentProvider[] Providers = Enum.GetValues<PaymentProvider>();

    private static readonly string[] PlexyPayDeclineCards =
        [SandboxCards.GenericDecline, SandboxCards.InsufficientFunds, SandboxCards.ExpiredCard, SandboxCards.IncorrectCvc, SandboxCards.ProcessingError];

    private static readonly decimal[] DeclineAmounts = [SandboxAmounts.Declined, SandboxAmounts.DeclinedByGateway, SandboxAmounts.FailedInOkResponse];

    // Retry-After as the sandbox sends it (whole seconds): none, 0 (retry at once), and waits above Retry.MaxDelay.
    private static readonly TimeSpan?[] RetryAfters = [null, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)];

    private static readonly HttpStatusCode[] RedirectStatuses =
        [HttpStatusCode.MovedPermanently, HttpStatusCode.Found, HttpStatusCode.SeeOther, HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect];

    private static readonly string[] ContentEncodings = ["gzip", "deflate", "br"];

    private readonly Random _random;
    private readonly int _seed;
    private readonly TimeSpan _heldResponse;

    /// <param name="seed">The seed of every random choice.</param>
    /// <param name="heldResponse">How long a <see cref="SandboxFault.Delay"/> holds its response: longer than the attempt timeout.</param>
    public ChaosPaymentGenerator(int seed, TimeSpan heldResponse)
    {
        _seed = seed;
        _random = new Random(seed);
        _heldResponse = heldResponse;
    }

    public IReadOnlyList<ChaosPayment> Generate(int count)
    {
        var payments = new List<ChaosPayment>(count);
        for (var index = 0; index < count; index++)
        {
            payments.Add(Next(index));
        }

        return payments;
    }

    private ChaosPayment Next(int index)
    {
        var provider = Providers[index % Providers.Length];
        var encrypted = provider == PaymentProvider.PagarStar && index / Providers.Length % 2 == 1;
        var reference = string.Create(CultureInfo.InvariantCulture, $"chaos-{_seed}-{index:D5}");

        string? card = null;
        var amount = NormalAmount(provider);
        if (_random.NextDouble() < DeclineShare)
        {
            if (provider == PaymentProvider.PlexyPay && _random.Next(2) == 0)
            {
                card = PlexyPayDeclineCards[_random.Next(PlexyPayDeclineCards.Length)];
            }
            else
            {
                amount = DeclineAmounts[_random.Next(DeclineAmounts.Length)];
            }
        }

        string? idempotencyKey = null;
        var marked = false;
        if (provider == PaymentProvider.PlexyPay)
        {
            idempotencyKey = _random.Next(2) == 0 ? "idem-" + reference : null;
        }
        else
        {
            marked = _random.NextDouble() < 0.35;
        }

        var plan = _random.NextDouble() < FaultedShare
            ? Enumerable.Range(0, _random.Next(1, 4)).Select(_ => NextFault(provider)).ToArray()
            : [];

        return new ChaosPayment(
            index,
            provider,
            encrypted ? ChaosClientNames.PagarStarEncrypted : ChaosClientNames.For(provider),
            reference,
            amount,
            card,
            idempotencyKey,
            marked,
            plan);
    }

    /// <summary>An amount that is not a decline trigger: whole minor units for PlexyPay and Paysafe, a decimal for the others.</summary>
    private decimal NormalAmount(PaymentProvider provider)
    {
        while (true)
        {
            decimal amount = _random.Next(1, 10_000);
            if (provider is not (PaymentProvider.PlexyPay or PaymentProvider.Paysafe))
            {
                amount += _random.Next(0, 100) / 100m;
            }

            if (!DeclineAmounts.Contains(amount))
            {
                return amount;
            }
        }
    }

    private SandboxFault NextFault(PaymentProvider provider) => InjectedKinds[_random.Next(InjectedKinds.Count)] switch
    {
        SandboxFaultKind.Refuse => SandboxFault.Refuse,
        SandboxFaultKind.ResetBeforeProcessing => SandboxFault.ResetBeforeProcessing,
        SandboxFaultKind.ResetAfterCharging => SandboxFault.ResetAfterCharging,
        SandboxFaultKind.Delay => SandboxFault.Delay(_heldResponse),
        SandboxFaultKind.TooManyRequests => SandboxFault.TooManyRequests(RetryAfters[_random.Next(RetryAfters.Length)]),
        SandboxFaultKind.ServiceUnavailable => SandboxFault.ServiceUnavailable,
        SandboxFaultKind.ServerErrorAfterCharging => SandboxFault.ServerErrorAfterCharging,
        SandboxFaultKind.ProviderError => SandboxFault.ProviderError(Pick(ProviderReference.Codes(provider)).Code),
        SandboxFaultKind.MalformedBody => SandboxFault.MalformedBody,
        SandboxFaultKind.TruncatedBody => SandboxFault.TruncatedBody,
        SandboxFaultKind.Redirect => SandboxFault.Redirect(Pick(RedirectStatuses), toAnotherOrigin: _random.Next(2) == 0),
        SandboxFaultKind.Compressed => SandboxFault.Compressed(Pick(ContentEncodings)),
        SandboxFaultKind.Chunked => SandboxFault.Chunked,
        SandboxFaultKind.CorruptCompressed => SandboxFault.CorruptCompressed(Pick(ContentEncodings)),
        var kind => throw new InvalidOperationException("No generator for " + kind),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
