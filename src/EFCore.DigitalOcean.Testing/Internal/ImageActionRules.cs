namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// Whether an image action may start. The spec lists no 4xx but 404 for the POST; what the real API
/// answers is from threads where known (lifecycle notes §1), and otherwise the API's usual 422 with a
/// message that names the problem [inferred].
/// </summary>
internal static class ImageActionRules
{
    /// <summary>doctl#192: the answer to a missing type; the fake gives it for any type it does not know.</summary>
    public static readonly ApiError UnknownType = new(404, "not_found", "The specified action type is not available");

    public static ApiError? Check(FakeImage image, ImageActionRequest request, RegionCatalog regions, ActionLedger actions) =>
        request.Type switch
        {
            ImageActionTypes.Transfer => CheckTransfer(image, request.Region, regions, actions),
            ImageActionTypes.Convert => CheckConvert(image, actions),
            _ => UnknownType,
        };

    private static ApiError? CheckTransfer(FakeImage image, string? region, RegionCatalog regions, ActionLedger actions)
    {
        // api-v2#126 quotes the start of this text.
        if (image.Type == "backup")
        {
            return ApiError.Unprocessable("Backups can not be transfered. Convert the backup to a snapshot first.");
        }

        if (string.IsNullOrEmpty(region))
        {
            return ApiError.Unprocessable("region is required for a transfer");
        }

        if (regions.Find(region) is not { } target)
        {
            return ApiError.Unprocessable($"region '{region}' is not a valid region slug");
        }

        if (!target.Features.Contains("image_transfer", StringComparer.Ordinal))
        {
            return ApiError.Unprocessable($"Region {region} does not support image transfers");
        }

        if (image.Status != "available")
        {
            return ApiError.Unprocessable($"The image is {image.Status}; only an available image can be transferred");
        }

        if (image.Regions.Contains(region, StringComparer.Ordinal))
        {
            return ApiError.Unprocessable($"The image is already in region {region}");
        }

        return actions.IsRunning(image.Id, ImageActionTypes.Transfer, region)
            ? ApiError.Unprocessable($"A transfer of the image to {region} is already in progress")
            : null;
    }

    private static ApiError? CheckConvert(FakeImage image, ActionLedger actions)
    {
        if (image.Type != "backup")
        {
            return ApiError.Unprocessable($"Only backups can be converted to snapshots; the image is a {image.Type}");
        }

        return actions.IsRunning(image.Id, ImageActionTypes.Convert, ConvertRegion(image))
            ? ApiError.Unprocessable("A convert of the image is already in progress")
            : null;
    }

    /// <summary>The region a convert's action object names: the image's first, as an example of one is not in the spec [inferred].</summary>
    public static string? ConvertRegion(FakeImage image) => image.Regions.Count > 0 ? image.Regions[0] : null;
}
