using EFCore.DigitalOcean.Testing;

// Serves DigitalOceanFake on 127.0.0.1 until stdin closes, for clients in other processes.
//   dotnet run -c Release --project tests/FakeServer -- [--images N] [--latency-ms M] [--rate-limit R] [--report-requests]
// Prints one line, "<base address> <token>", once it is listening, so a script can read both. --rate-limit sets the hourly
// budget (the API's 5,000 by default): hundreds of timed runs spend more than that, and a client that paces itself near
// the end of its budget (as the provider does) would then be timed waiting. With --report-requests it writes
// "<N> requests, at most <M> in flight" to stderr when it stops, for comparing what clients send. Then reads commands,
// one a line:
//   clear   forgets the recorded requests and prints "cleared" (a benchmark clears before each operation, so that the log
//           never grows across a run, and knows it is cleared when the operation begins);
//   stats   prints "<requests> <most in flight> <first request>" of the requests since the last clear;
// and stops at any other line.
var images = IntOption("--images", 2000);
var latency = TimeSpan.FromMilliseconds(IntOption("--latency-ms", 0));
var rateLimit = IntOption("--rate-limit", 5000);
var reportRequests = args.Contains("--report-requests");

using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions
{
    Seed = FakeCatalog.PrivateImages(images),
    Latency = latency,
    RateLimit = rateLimit,
});
Console.WriteLine($"{fake.BaseAddress} {fake.AccessToken}");
Console.Out.Flush();
var serving = true;
while (serving && Console.In.ReadLine() is { } command)
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
            serving = false;
            break;
    }

    Console.Out.Flush();
}

if (reportRequests)
{
    Console.Error.WriteLine($"{fake.Requests.Count} requests, at most {fake.MaxConcurrentRequestsObserved} in flight");
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
