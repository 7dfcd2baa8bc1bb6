namespace EFCore.DigitalOcean.FleetWorker;

/// <summary>
///     What one worker does: <c>--base-url U --redis HOST:PORT --partition KEY --permits N --window-ms M --tag T</c>. The token comes from <c>DIGITALOCEAN_TOKEN</c>, never the command line, where other users of the machine
///     could read it.
/// </summary>
internal sealed record WorkerArguments(Uri BaseUrl, string Redis, string Partition, int Permits, TimeSpan Window, string Tag)
{
    public static WorkerArguments Parse(string[] args)
    {
        string Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : throw new ArgumentException($"{name} is missing.");
        }

        long Number(string name)
            => long.TryParse(Value(name), out var number) && number > 0 ? number : throw new ArgumentException($"{name} needs a whole number above 0.");

        return new WorkerArguments(
            new Uri(Value("--base-url")),
            Value("--redis"),
            Value("--partition"),
            (int)Number("--permits"),
            TimeSpan.FromMilliseconds(Number("--window-ms")),
            Value("--tag"));
    }
}
