namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The result of deleting an image through the API.</summary>
internal enum DeleteOutcome
{
    Deleted,
    NotFound,

    /// <summary>The image's status is already <c>deleted</c> (a failed import).</summary>
    AlreadyDeleted,
}
