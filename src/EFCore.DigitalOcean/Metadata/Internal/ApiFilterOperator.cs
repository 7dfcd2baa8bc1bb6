namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>The condition a list filter answers.</summary>
internal enum ApiFilterOperator
{
    /// <summary><c>x.Property == value</c>.</summary>
    Equal,

    /// <summary><c>x.Property.Contains(value)</c>, for a list property such as tags.</summary>
    Contains,
}
