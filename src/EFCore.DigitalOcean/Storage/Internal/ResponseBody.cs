using System.Buffers;

namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>
///     Reads a response body into a buffer rented from the shared pool and parses it in one synchronous pass. Buffering is
///     what System.Text.Json does for a custom converter anyway, but it then scans the JSON twice (once to find the end of
///     the value, once to read it); reading the body first scans it once, and the buffer goes back to the pool.
/// </summary>
internal static class ResponseBody
{
    private const int UnknownLengthBuffer = 16 * 1024;

    // An announced length is trusted only this far up front; a larger body still grows the buffer as it arrives.
    private const int MaxAnnouncedBuffer = 1024 * 1024;

    public static async Task<T> ReadAsync<T>(HttpContent content, BodyReader<T> read, CancellationToken cancellationToken)
    {
        // One byte more than announced, so that a body of the announced length ends without growing the buffer.
        var length = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(length is >= 0 and < MaxAnnouncedBuffer ? (int)length + 1 : UnknownLengthBuffer);
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var filled = 0;
                int count;
                while ((count = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += count;
                    if (filled == buffer.Length)
                    {
                        buffer = Grow(buffer);
                    }
                }

                return read(buffer.AsSpan(0, filled));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] full)
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(full.Length * 2));
        full.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }
}
