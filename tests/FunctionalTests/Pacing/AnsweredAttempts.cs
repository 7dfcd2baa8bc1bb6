using System.Diagnostics.Metrics;

namespace EFCore.DigitalOcean.FunctionalTests.Pacing;

/// <summary>
///     Counts the attempts the provider has finished against one server, from its <c>digitalocean.client.requests</c> counter,
///     which it records as an attempt ends, just before the attempt gives its permit back.
/// </summary>
internal sealed class AnsweredAttempts : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public AnsweredAttempts(int serverPort)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "EFCore.DigitalOcean" && instrument.Name == "digitalocean.client.requests")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is int port && port == serverPort)
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
