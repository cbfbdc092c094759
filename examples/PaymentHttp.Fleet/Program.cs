using PaymentHttp.Fleet;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await FleetApp.RunAsync(args, Console.Out, Console.Error, cancel.Token);
