namespace PaymentHttp.Testing;

/// <summary>A merchant reference of one provider; references compare ordinally.</summary>
internal readonly record struct ReferenceKey(PaymentProvider Provider, string Reference);
