using PaymentHttp.WebApi;

await using var app = await CheckoutApp.BuildAsync(args);
await app.RunAsync();
