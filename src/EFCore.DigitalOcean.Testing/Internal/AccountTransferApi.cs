namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>
/// <c>/v2/images/{image_id}/account_transfer</c> (start) and its <c>accept</c>, <c>decline</c> and
/// <c>cancel</c> (spec images/images_post_account_transfer_*.yml). Nothing lists or reads transfers.
/// </summary>
internal sealed class AccountTransferApi(ImageStore store) : IResourceApi
{
    public string Collection => "/v2/images/{image_id}/account_transfer";

    public IReadOnlyList<string> CollectionMethods { get; } = ["POST"];

    public IReadOnlyList<string> ItemMethods { get; } = ["POST"];

    public ApiResponse Handle(ApiCall call, string? item)
    {
        if (!ImageIds.TryParse(call.Parent!, out var imageId))
        {
            return ApiResponse.Error(ApiError.NotFound, call.RequestId);
        }

        return item switch
        {
            null => Start(call, imageId),

            // The spec answers an accept with 201 and no content, a decline or cancel with 204.
            "accept" => End(call, imageId, FakeAccountTransfer.Accepted, 201),
            "decline" => End(call, imageId, FakeAccountTransfer.Declined, 204),
            "cancel" => End(call, imageId, FakeAccountTransfer.Cancelled, 204),
            _ => ApiResponse.Error(ApiError.NotFound, call.RequestId),
        };
    }

    public Envelope Preview(ApiCall call, string? item) => item is null ? new TransferIdEnvelope(0) : EmptyEnvelope.Instance;

    private ApiResponse Start(ApiCall call, long imageId)
    {
        if (LifecycleBodies.TryParseTransferStart(call.Body, out var request) is { } invalid)
        {
            return ApiResponse.Error(invalid, call.RequestId);
        }

        return store.StartAccountTransfer(imageId, request!, out var transfer) is { } error
            ? ApiResponse.Error(error, call.RequestId)
            : ApiResponse.Json(201, new TransferIdEnvelope(transfer!.Id));
    }

    private ApiResponse End(ApiCall call, long imageId, string outcome, int status)
    {
        var needsRecipient = outcome == FakeAccountTransfer.Accepted;
        if (LifecycleBodies.TryParseTransferId(call.Body, needsRecipient, out var request) is { } invalid)
        {
            return ApiResponse.Error(invalid, call.RequestId);
        }

        return store.EndAccountTransfer(imageId, request!, outcome) is { } error
            ? ApiResponse.Error(error, call.RequestId)
            : new ApiResponse { StatusCode = status };
    }
}
