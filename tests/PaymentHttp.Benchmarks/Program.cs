using BenchmarkDotNet.Running;

// Pick benchmarks on the command line, e.g. `--filter '*SuccessPath*'` or `--filter '*' --job dry` (see README.md).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
