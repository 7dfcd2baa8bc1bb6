namespace EFCore.DigitalOcean.Diagnostics.Internal;

/// <summary>The <c>db.operation.name</c> of each kind of provider operation; the span is named after it and its resource.</summary>
internal static class DigitalOceanOperationNames
{
    public const string Query = "query";
    public const string SaveChanges = "SaveChanges";
    public const string ExecuteDelete = "ExecuteDelete";
    public const string ExecuteUpdate = "ExecuteUpdate";
    public const string WaitUntilAvailable = "WaitUntilAvailable";
    public const string HealthCheck = "HealthCheck";
}
