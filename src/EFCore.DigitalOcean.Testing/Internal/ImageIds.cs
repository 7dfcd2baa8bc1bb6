using System.Globalization;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>Reads an image id from a path segment; images and Droplet snapshots share these ids.</summary>
internal static class ImageIds
{
    /// <summary>Digits only: a sign, spaces or a slug name no image.</summary>
    public static bool TryParse(string segment, out long id) =>
        long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
