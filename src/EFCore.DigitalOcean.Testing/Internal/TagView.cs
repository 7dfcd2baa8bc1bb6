namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>A tag as the API shows it: its name and the images that carry it.</summary>
/// <param name="Name">The canonical name.</param>
/// <param name="ImageCount">How many images carry it.</param>
/// <param name="LastTaggedImageId">The image tagged last, if it still carries the tag.</param>
internal sealed record TagView(string Name, int ImageCount, long? LastTaggedImageId);
