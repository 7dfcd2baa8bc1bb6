using BenchmarkDotNet.Running;
using EFCore.DigitalOcean.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- --short      every benchmark, briefly, for CI
// dotnet run -c Release --project tests/Benchmarks -- --filter *   every benchmark, BenchmarkDotNet's full default
const string ShortSwitch = "--short";
var isShort = args.Contains(ShortSwitch);
var switcherArgs = args.Where(a => a != ShortSwitch).ToArray();

// Without a filter the switcher asks which benchmarks to run, which a CI job cannot answer.
if (isShort && !switcherArgs.Any(a => a is "--filter" or "-f"))
{
    switcherArgs = [.. switcherArgs, "--filter", "*"];
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(switcherArgs, isShort ? BenchmarkConfigs.Short() : BenchmarkConfigs.Full());

return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
