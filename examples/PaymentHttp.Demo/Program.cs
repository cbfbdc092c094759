using PaymentHttp.Demo;

return await DemoApp.RunAsync(args, Console.Out, Console.Error);
