using EFCore.DigitalOcean.Testing;

// Serves DigitalOceanFake on 127.0.0.1 until stdin closes, for clients in other processes.
//   dotnet run -c Release --project tests/FakeServer -- [--images N] [--latency-ms M] [--rate-limit R]
// Prints one line, "<base address> <token>", once it is listening, so a script can read both. Then reads commands, one a line:
//   clear   forgets the recorded requests and prints "cleared" (a benchmark clears before each operation, so that the log
//           never grows across a run, and knows it is cleared when the operation begins);
//   stats   prints "<requests> <most in flight> <first request>" of the requests since the last clear;
// and stops at any other line.
var images = IntOption("--images", 2000);
var latency = TimeSpan.FromMilliseconds(IntOption("--latency-ms", 0));
var rateLimit = IntOption("--rate-limit", new DigitalOceanFakeOptions().RateLimit);

using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions
{
    Seed = FakeCatalog.PrivateImages(images),
    Latency = latency,
    RateLimit = rateLimit,
});
Console.WriteLine($"{fake.BaseAddress} {fake.AccessToken}");
Console.Out.Flush();
while (Console.In.ReadLine() is { } command)
{
    switch (command)
    {
        case "clear":
            fake.ClearRequests();
            Console.WriteLine("cleared");
            break;
        case "stats":
            var requests = fake.Requests;
            var first = requests.Count == 0 ? "" : $"{requests[0].Method} {requests[0].Path}{requests[0].QueryString}";
            Console.WriteLine($"{requests.Count} {fake.MaxConcurrentRequestsObserved} {first}");
            break;
        default:
            return 0;
    }

    Console.Out.Flush();
}

return 0;

int IntOption(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    if (index < 0)
    {
        return fallback;
    }

    if (index + 1 < args.Length && int.TryParse(args[index + 1], out var value) && value >= 0)
    {
        return value;
    }

    Console.Error.WriteLine($"{name} needs a whole number of at least 0.");
    Environment.Exit(2);
    return fallback;
}
