// A stand-in with the full name of Polly v7's handler (Microsoft.Extensions.Http.Polly), which PaymentHttp
// recognises by name so that it need not reference that package.
namespace Microsoft.Extensions.Http;

public sealed class PolicyHttpMessageHandler : DelegatingHandler
{
}
