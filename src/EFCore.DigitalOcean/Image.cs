namespace EFCore.DigitalOcean;

/// <summary>
///     A DigitalOcean image: a distribution, a 1-Click application image, or one of your snapshots, backups and custom images.
/// </summary>
/// <remarks>
///     Properties mirror the API's image object (JSON names are the snake_case forms of these names). <see cref="Type" />,
///     <see cref="Status" /> and <see cref="Distribution" /> stay strings so that a value the API adds tomorrow never breaks a
///     query; <see cref="ImageTypes" />, <see cref="ImageStatuses" /> and <see cref="ImageDistributions" /> name the known ones.
/// </remarks>
public class Image
{
    /// <summary>
    ///     The unique id the API assigns. A new image keeps 0 here until it is saved (the change tracker holds a temporary key
    ///     for it meanwhile), then gets the id from the create response.
    /// </summary>
    public long Id { get; set; }

    /// <summary>The display name; not unique.</summary>
    public string Name { get; set; } = "";

    /// <summary>The image's kind (<see cref="ImageTypes" />): <c>base</c>, <c>snapshot</c>, <c>backup</c>, <c>custom</c> or <c>admin</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The operating system family (<see cref="ImageDistributions" />); the API stores unknown values as <c>Unknown</c>.</summary>
    public string? Distribution { get; set; }

    /// <summary>The public slug, such as <c>ubuntu-24-04-x64</c>; <see langword="null" /> for your own images.</summary>
    public string? Slug { get; set; }

    /// <summary>Whether the image is public. <see langword="false" /> does not mean "mine": use <c>PrivateOnly()</c> for that.</summary>
    public bool Public { get; set; }

    /// <summary>
    ///     The region slugs where the image is available. The API moves an image between regions by a transfer action, not by
    ///     an update, so the list is read-only.
    /// </summary>
    public IReadOnlyList<string> Regions { get; set; } = [];

    /// <summary>When the image was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The minimum disk size in GB a Droplet needs to use this image.</summary>
    public int? MinDiskSize { get; set; }

    /// <summary>The size of the image in GB.</summary>
    public double? SizeGigabytes { get; set; }

    /// <summary>A free-form description.</summary>
    public string? Description { get; set; }

    /// <summary>
    ///     The tags applied to the image. Give them when creating an image; the API does not change an image's tags by an
    ///     update (tags are a resource of their own), so the list is read-only.
    /// </summary>
    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>The image's state (<see cref="ImageStatuses" />), such as <c>NEW</c>, <c>pending</c> or <c>available</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Why an import failed, when <see cref="Status" /> is <c>deleted</c>.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>Create only: the URL of the raw, qcow2, vhdx, vdi or vmdk file to import. The API never returns it.</summary>
    public string? Url { get; set; }

    /// <summary>Create only: the region slug to import the image into. The API never returns it.</summary>
    public string? Region { get; set; }
}
