namespace EFCore.DigitalOcean.Storage.Internal;

/// <summary>One page of a list response: its rows and <c>meta.total</c>.</summary>
internal sealed class ResourcePage(RowPage rows, long total)
{
    public RowPage Rows { get; } = rows;
    public long Total { get; } = total;
}
