namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>The <c>type</c> values of <c>POST /v2/images/{id}/actions</c> (spec images/models/image_action.yml).</summary>
internal static class ImageActionTypes
{
    public const string Transfer = "transfer";
    public const string Convert = "convert";
}
