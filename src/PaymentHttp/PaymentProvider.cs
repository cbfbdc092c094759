namespace PaymentHttp;

/// <summary>
/// The payment providers whose error responses PaymentHttp knows how to classify.
/// </summary>
public enum PaymentProvider
{
    /// <summary>Plutu (Libya): <c>{"error":{"status","code","message","fields"}}</c> envelopes.</summary>
    Plutu,

    /// <summary>PlexyPay: typed <c>{code, message, source, type}</c> errors and Stripe-like <c>{"error":{...}}</c> errors.</summary>
    PlexyPay,

    /// <summary>Paysafe: <c>{"error":{"code",...}}</c> envelopes, error code headers, HTTP 402 declines and failures inside a 2xx.</summary>
    Paysafe,

    /// <summary>MakeCommerce (Maksekeskus): <c>{code, message, errors[]}</c> envelopes; server errors without a body.</summary>
    MakeCommerce,

    /// <summary>PagarStar PTS: business codes inside HTTP 200 (<c>1000</c> means accepted).</summary>
    PagarStar,
}
