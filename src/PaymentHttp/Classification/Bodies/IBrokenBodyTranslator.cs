namespace PaymentHttp;

/// <summary>
/// Turns a success body that broke off, or could not be decoded, while the caller read it into the exception the
/// caller gets. The pipeline implements it, so that <see cref="ReplayContent"/> needs to know nothing of the pipeline.
/// </summary>
internal interface IBrokenBodyTranslator
{
    Exception Translate(HttpRequestMessage request, HttpResponseMessage response, Exception cause, int attempts);
}
