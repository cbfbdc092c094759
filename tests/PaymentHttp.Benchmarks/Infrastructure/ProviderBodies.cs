using System.Net;

namespace PaymentHttp.Benchmarks.Infrastructure;

/// <summary>
/// Realistic provider responses, each in the provider's real envelope (docs/providers.md), about 1 KB, with
/// the category PaymentHttp must give it so that a benchmark checks it measures the path it claims to.
/// </summary>
public static class ProviderBodies
{
    /// <summary>A small 2xx body for the plain success path.</summary>
    public static readonly CannedResponse SmallSuccess = new(
        HttpStatusCode.OK,
        """{"id":"pay_7Hq2Lk9Xw3","status":"AUTHORIZED","amount":2500,"currency":"USD","merchantRefNum":"order-2024-11-000123"}""");

    /// <summary>One failure per provider, as the provider sends it.</summary>
    public static ProviderFailure ErrorFor(PaymentProvider provider) => provider switch
    {
        PaymentProvider.Plutu => PlutuValidation,
        PaymentProvider.PlexyPay => PlexyPayCardDeclined,
        PaymentProvider.Paysafe => PaysafeInvalidFields,
        PaymentProvider.MakeCommerce => MakeCommerceDeclined,
        PaymentProvider.PagarStar => PagarStarQuotaExceeded,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>A 2xx success in the envelope of a provider that inspects 2xx bodies.</summary>
    public static CannedResponse InspectedSuccessFor(PaymentProvider provider) => provider switch
    {
        PaymentProvider.PagarStar => PagarStarAccepted,
        PaymentProvider.Paysafe => PaysafeCompleted,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Only Paysafe and PagarStar inspect 2xx bodies."),
    };

    // Plutu 422: validation failure with per-field messages in error.fields.
    private static readonly ProviderFailure PlutuValidation = new(
        new CannedResponse(
            HttpStatusCode.UnprocessableEntity,
            """
            {
              "error": {
                "status": 422,
                "code": "VALIDATION_ERROR",
                "message": "The given data was invalid.",
                "fields": {
                  "mobile_number": [
                    "The mobile number must be 10 digits.",
                    "The mobile number must start with 091, 092, 093 or 094."
                  ],
                  "amount": [
                    "The amount must be at least 1.000.",
                    "The amount may not have more than 3 decimal places."
                  ],
                  "invoice_no": [
                    "The invoice no may only contain letters, numbers, dashes and underscores.",
                    "The invoice no may not be greater than 50 characters."
                  ],
                  "return_url": [
                    "The return url format is invalid."
                  ],
                  "customer_ip": [
                    "The customer ip must be a valid IP address."
                  ],
                  "lang": [
                    "The selected lang is invalid."
                  ]
                }
              }
            }
            """),
        PaymentErrorCategory.InvalidRequest);

    // PlexyPay 402: Stripe-like card_error with decline_code, as the newer API sends it (payment intent embedded).
    private static readonly ProviderFailure PlexyPayCardDeclined = new(
        new CannedResponse(
            HttpStatusCode.PaymentRequired,
            """
            {
              "error": {
                "type": "card_error",
                "code": "card_declined",
                "decline_code": "insufficient_funds",
                "message": "Your card has insufficient funds.",
                "param": "payment_method",
                "request_id": "req_8Yf3kQz2LmN4pR",
                "doc_url": "https://docs.plexypay.com/errors/card-declined",
                "charge": "ch_3PqR7sT2uV9wX1yZ",
                "payment_intent": {
                  "id": "pi_3PqR7sT2uV9wX1yZ0aBcDeFg",
                  "object": "payment_intent",
                  "amount": 2500,
                  "currency": "usd",
                  "status": "requires_payment_method",
                  "created": 1731400000,
                  "livemode": false,
                  "metadata": { "order_id": "order-2024-11-000123" },
                  "last_payment_error": { "type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds" }
                },
                "payment_method": {
                  "id": "pm_1PqR7sT2uV9wX1yZ",
                  "type": "card",
                  "card": { "brand": "visa", "last4": "9995", "exp_month": 12, "exp_year": 2027, "country": "US", "funding": "credit" }
                }
              }
            }
            """,
            ("Request-Id", "req_8Yf3kQz2LmN4pR")),
        PaymentErrorCategory.Declined);

    // Paysafe 400: code 5068 (missing or invalid fields) with details, fieldErrors and links; the code also in the header.
    private static readonly ProviderFailure PaysafeInvalidFields = new(
        new CannedResponse(
            HttpStatusCode.BadRequest,
            """
            {
              "error": {
                "code": "5068",
                "message": "Either you submitted a request that is missing a mandatory field or the value of a field does not match the format expected.",
                "details": [
                  "Field 'card.cardExpiry.month' is invalid.",
                  "Field 'billingDetails.zip' is missing."
                ],
                "fieldErrors": [
                  { "field": "card.cardExpiry.month", "error": "must be less than or equal to 12" },
                  { "field": "billingDetails.zip", "error": "must not be blank" },
                  { "field": "merchantRefNum", "error": "size must be between 1 and 255" }
                ],
                "links": [
                  { "rel": "errorinfo", "href": "https://developer.paysafe.com/en/rest-api/cards/test-and-go-live/card-errors/#ErrorCode5068" }
                ]
              },
              "id": "c3d9e2b0-6a41-4a3f-9a3e-0d2f5b1c7e11",
              "merchantRefNum": "order-2024-11-000123",
              "links": [
                { "rel": "self", "href": "https://api.test.paysafe.com/paymenthub/v1/payments/c3d9e2b0-6a41-4a3f-9a3e-0d2f5b1c7e11" }
              ]
            }
            """,
            ("x-application-error-code", "5068")),
        PaymentErrorCategory.InvalidRequest);

    // MakeCommerce 400: business code 1035 (payment declined) with errors[]. Its real bodies are short; several
    // errors[] entries bring it to the same order of size as the others without inventing fields.
    private static readonly ProviderFailure MakeCommerceDeclined = new(
        new CannedResponse(
            HttpStatusCode.BadRequest,
            """
            {
              "code": 1035,
              "message": "Payment declined",
              "errors": [
                { "resource": "payment", "field": "token", "type": "invalid" },
                { "resource": "payment", "field": "amount", "type": "invalid" },
                { "resource": "transaction", "field": "status", "type": "invalid" },
                { "resource": "card", "field": "cvc", "type": "invalid" },
                { "resource": "card", "field": "exp_month", "type": "invalid" },
                { "resource": "card", "field": "exp_year", "type": "invalid" },
                { "resource": "customer", "field": "email", "type": "invalid" },
                { "resource": "customer", "field": "ip", "type": "invalid" },
                { "resource": "customer", "field": "country", "type": "invalid" },
                { "resource": "transaction", "field": "reference", "type": "invalid" },
                { "resource": "transaction", "field": "merchant_data", "type": "invalid" }
              ]
            }
            """),
        PaymentErrorCategory.Declined);

    // PagarStar 200: a business error inside HTTP 200, code 1004 (payment exceeds quota limit).
    private static readonly ProviderFailure PagarStarQuotaExceeded = new(
        new CannedResponse(
            HttpStatusCode.OK,
            """
            {
              "code": 1004,
              "message": "Payment exceeds quota limit",
              "data": {
                "merchant_no": "M100200300",
                "order_id": "order-2024-11-000123",
                "amount": "25000.00",
                "currency": "PHP",
                "channel": "GCASH",
                "pay_type": "QR",
                "quota": {
                  "single_min": "100.00",
                  "single_max": "20000.00",
                  "daily_limit": "200000.00",
                  "daily_used": "183500.00",
                  "daily_remaining": "16500.00"
                },
                "notify_url": "https://merchant.example/pts/callback",
                "return_url": "https://merchant.example/checkout/return",
                "client_ip": "203.0.113.24",
                "timestamp": 1731400000,
                "sign": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
              }
            }
            """),
        PaymentErrorCategory.Declined);

    // PagarStar 200 with code 1000: accepted, must pass through untouched.
    private static readonly CannedResponse PagarStarAccepted = new(
        HttpStatusCode.OK,
        """
        {
          "code": 1000,
          "message": "success",
          "data": {
            "merchant_no": "M100200300",
            "order_id": "order-2024-11-000123",
            "trade_no": "PTS20241112093015000042",
            "amount": "2500.00",
            "currency": "PHP",
            "channel": "GCASH",
            "pay_type": "QR",
            "status": "PENDING",
            "pay_url": "https://pay.pagarstar.example/cashier/PTS20241112093015000042",
            "qr_code": "00020101021228570011ph.ppmi.p2m0111PAPHPHM1XXX03091000042055204601653036085802PH",
            "expire_time": 1731400900,
            "notify_url": "https://merchant.example/pts/callback",
            "timestamp": 1731400000,
            "sign": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
          }
        }
        """);

    // Paysafe 201 payment object with status COMPLETED: a success that must pass through untouched.
    private static readonly CannedResponse PaysafeCompleted = new(
        HttpStatusCode.Created,
        """
        {
          "id": "c3d9e2b0-6a41-4a3f-9a3e-0d2f5b1c7e11",
          "paymentType": "CARD",
          "paymentHandleToken": "SCxbhsZ8m8w6TPRa",
          "merchantRefNum": "order-2024-11-000123",
          "currencyCode": "USD",
          "settleWithAuth": true,
          "dupCheck": true,
          "amount": 2500,
          "availableToSettle": 0,
          "childAccountNum": "1002789011",
          "txnTime": "2024-11-12T09:30:15Z",
          "customerIp": "203.0.113.24",
          "status": "COMPLETED",
          "gatewayReconciliationId": "2316489170",
          "gatewayResponse": {
            "authCode": "148231",
            "avsResponse": "MATCH",
            "cvvVerification": "MATCH",
            "processor": "NETBANX"
          },
          "billingDetails": {
            "street": "100 Queen Street West",
            "city": "Toronto",
            "state": "ON",
            "country": "CA",
            "zip": "M5H 2N2"
          },
          "links": [
            { "rel": "self", "href": "https://api.test.paysafe.com/paymenthub/v1/payments/c3d9e2b0-6a41-4a3f-9a3e-0d2f5b1c7e11" }
          ]
        }
        """);
}

/// <summary>A provider failure and the category PaymentHttp must classify it as.</summary>
public sealed record ProviderFailure(CannedResponse Response, PaymentErrorCategory ExpectedCategory);
