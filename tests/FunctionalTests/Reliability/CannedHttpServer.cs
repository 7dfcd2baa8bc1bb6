using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>One request as a <see cref="CannedHttpServer" /> received it.</summary>
/// <param name="RequestLine">The method and target, e.g. <c>GET /v2/images?per_page=200&amp;page=1</c>.</param>
/// <param name="Headers">The request headers by name (case-insensitive).</param>
/// <param name="Body">The request body, as UTF-8 text; empty when there is none.</param>
internal sealed record ReceivedRequest(string RequestLine, IReadOnlyDictionary<string, string> Headers, string Body = "")
{
    public string Target => RequestLine[(RequestLine.IndexOf(' ') + 1)..];
}

/// <summary>
///     An answer for a <see cref="CannedHttpServer" /> to send; <paramref name="Chunked" /> sends the body in chunks with no
///     length, <paramref name="Trickle" /> announces the body's length and then sends one byte of it per interval, for ever.
/// </summary>
internal sealed record CannedResponse(
    int Status, string Reason, IReadOnlyList<(string Name, string Value)> Headers, string Body, bool Chunked = false,
    TimeSpan? Trickle = null);

/// <summary>
///     A minimal HTTP/1.1 server on 127.0.0.1 for what the fake cannot do: answer with a redirect, with JSON holding fields
///     the fake never writes (or leaving out fields it always writes), with a chunked body of no announced length, or with a
///     body that never ends. It records the request line, headers and body (read by its Content-Length) of every request,
///     answers with what the test's function returns, and closes the connection after each answer.
/// </summary>
internal sealed class CannedHttpServer : IDisposable
{
    private const int MaxHeadBytes = 64 * 1024;
    private const int ChunkBytes = 4096;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ReceivedRequest, CannedResponse> _respond;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly CancellationTokenSource _stopping = new();

    private CannedHttpServer(Func<ReceivedRequest, CannedResponse> respond)
    {
        _respond = respond;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static CannedHttpServer Start(Func<ReceivedRequest, CannedResponse> respond) => new(respond);

    public static CannedResponse Json(string body) => new(200, "OK", [("Content-Type", "application/json")], body);

    /// <summary>A JSON body sent with <c>Transfer-Encoding: chunked</c>, so the client cannot know its length in advance.</summary>
    public static CannedResponse ChunkedJson(string body) => Json(body) with { Chunked = true };

    public static CannedResponse Redirect(Uri location) => new(302, "Found", [("Location", location.AbsoluteUri)], "");

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                _received.Enqueue(request);
                var response = _respond(request);
                if (response.Trickle is { } interval)
                {
                    await TrickleAsync(stream, response, interval);
                    return;
                }

                await stream.WriteAsync(Encode(response), _stopping.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or FormatException)
            {
                // The client went away, the server is stopping, or what came in was not HTTP: nothing to answer.
            }
        }
    }

    private async Task TrickleAsync(NetworkStream stream, CannedResponse response, TimeSpan interval)
    {
        // The announced length is never reached: the body repeats one byte at a time until the client gives up.
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = Head(response).Append($"Content-Length: {int.MaxValue}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stopping.Token);
        for (var i = 0; ; i = (i + 1) % body.Length)
        {
            await stream.WriteAsync(body.AsMemory(i, 1), _stopping.Token);
            await Task.Delay(interval, _stopping.Token);
        }
    }

    private async Task<ReceivedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var received = await ReadHeadAsync(stream);
        var headEnd = received.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        var request = Parse(Encoding.ASCII.GetString(received, 0, headEnd));
        var length = request.Headers.TryGetValue("Content-Length", out var lengthText) ? int.Parse(lengthText) : 0;
        if (length <= 0)
        {
            return request;
        }

        var body = new byte[length];
        var filled = Math.Min(length, received.Length - headEnd);
        received.AsSpan(headEnd, filled).CopyTo(body);
        while (filled < length)
        {
            var read = await stream.ReadAsync(body.AsMemory(filled), _stopping.Token);
            if (read == 0)
            {
                throw new FormatException("The connection closed before the end of the request body.");
            }

            filled += read;
        }

        return request with { Body = Encoding.UTF8.GetString(body) };
    }

    private async Task<byte[]> ReadHeadAsync(NetworkStream stream)
    {
        var head = new MemoryStream();
        var buffer = new byte[4096];
        while (!EndsHead(head))
        {
            var read = await stream.ReadAsync(buffer, _stopping.Token);
            if (read == 0 || head.Length + read > MaxHeadBytes)
            {
                throw new FormatException("The connection closed, or sent too much, before the end of the request head.");
            }

            head.Write(buffer, 0, read);
        }

        return head.ToArray();
    }

    private static bool EndsHead(MemoryStream head)
        => head.Length >= 4 && head.GetBuffer().AsSpan(0, (int)head.Length).IndexOf("\r\n\r\n"u8) >= 0;

    private static ReceivedRequest Parse(string head)
    {
        var lines = head.Split("\r\n");
        var requestLine = lines[0][..lines[0].LastIndexOf(' ')];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).TakeWhile(l => l.Length > 0))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return new ReceivedRequest(requestLine, headers);
    }

    /// <summary>The status line and the response's own headers.</summary>
    private static StringBuilder Head(CannedResponse response)
    {
        var head = new StringBuilder().Append($"HTTP/1.1 {response.Status} {response.Reason}\r\n");
        foreach (var (name, value) in response.Headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        return head;
    }

    private static byte[] Encode(CannedResponse response)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = Head(response);

        if (!response.Chunked)
        {
            head.Append($"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
        }

        head.Append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        var message = new List<byte>(Encoding.ASCII.GetBytes(head.ToString()));
        foreach (var chunk in body.Chunk(ChunkBytes))
        {
            message.AddRange(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            message.AddRange(chunk);
            message.AddRange("\r\n"u8.ToArray());
        }

        message.AddRange("0\r\n\r\n"u8.ToArray());
        return [.. message];
    }
}
