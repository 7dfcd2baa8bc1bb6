using System.Buffers;
using System.Net;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     A response body read whole into a buffer rented from the shared pool, with the original content's headers. The client
///     parses <see cref="Body" /> in place; disposing the response gives the buffer back. Reading the body straight into a
///     pooled buffer, instead of <see cref="HttpContent.LoadIntoBufferAsync()" /> and then a copy, saves a new array per page
///     (a 200-image page is about 90 KB, so each one went to the large object heap).
/// </summary>
internal sealed class PooledBodyContent : HttpContent
{
    private const int UnknownLengthBuffer = 16 * 1024;

    // An announced length is trusted only this far up front; a larger body still grows the buffer as it arrives.
    private const int MaxAnnouncedBuffer = 1024 * 1024;

    private byte[]? _buffer;
    private readonly int _length;

    private PooledBodyContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The whole body.</summary>
    public ReadOnlySpan<byte> Body => Filled().Span;

    /// <summary>Reads all of <paramref name="content" />, disposes it, and returns its body and headers as pooled content.</summary>
    public static async Task<PooledBodyContent> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // One byte more than announced, so that a body of the announced length ends without growing the buffer.
        var length = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(length is >= 0 and < MaxAnnouncedBuffer ? (int)length + 1 : UnknownLengthBuffer);
        try
        {
            var filled = 0;
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int count;
                while ((count = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += count;
                    if (filled == buffer.Length)
                    {
                        buffer = Grow(buffer);
                    }
                }
            }

            var pooled = new PooledBodyContent(buffer, filled);
            foreach (var header in content.Headers)
            {
                pooled.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            content.Dispose();
            return pooled;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.WriteAsync(Filled(), cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private ReadOnlyMemory<byte> Filled()
        => (_buffer ?? throw new ObjectDisposedException(nameof(PooledBodyContent))).AsMemory(0, _length);

    private static byte[] Grow(byte[] full)
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(full.Length * 2));
        full.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }
}
