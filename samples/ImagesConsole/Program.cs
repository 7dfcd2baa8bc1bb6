using ImagesConsole;

// The first Ctrl+C asks the command to stop and report what it did; a second one ends the process at once.
// Not disposed: a Ctrl+C may still arrive while the process exits.
var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await ImagesApp.RunAsync(args, AppEnvironment.FromProcess(), cancellation.Token);
