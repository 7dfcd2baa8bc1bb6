namespace EFCore.DigitalOcean.Query;

/// <summary>
///     Which part of the catalogue a list request asks for. The API's <c>type</c> and <c>private</c> list parameters choose a
///     catalogue, not an attribute value, so they are chosen by explicit query operators rather than inferred from predicates.
/// </summary>
internal sealed record ListScope(string OperatorName, string Parameter, string Value)
{
    public static readonly ListScope Distributions = new("Distributions", "type", "distribution");
    public static readonly ListScope Applications = new("Applications", "type", "application");
    public static readonly ListScope PrivateOnly = new("PrivateOnly", "private", "true");
}
