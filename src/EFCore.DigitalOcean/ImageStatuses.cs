namespace EFCore.DigitalOcean;

/// <summary>The known values of <see cref="Image.Status" />. The API compares them case-exactly (<c>NEW</c> is upper case).</summary>
public static class ImageStatuses
{
    /// <summary>Just created; the import has not started.</summary>
    public const string New = "NEW";

    /// <summary>The import is in progress.</summary>
    public const string Pending = "pending";

    /// <summary>Ready to use.</summary>
    public const string Available = "available";

    /// <summary>Deleted, or an import that failed (see <see cref="Image.ErrorMessage" />).</summary>
    public const string Deleted = "deleted";

    /// <summary>Retired by DigitalOcean.</summary>
    public const string Retired = "retired";
}
