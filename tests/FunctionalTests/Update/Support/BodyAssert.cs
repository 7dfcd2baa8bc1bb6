using System.Text.Json.Nodes;

namespace EFCore.DigitalOcean.FunctionalTests.Update.Support;

/// <summary>Compares request bodies as JSON: the same members with the same values, in any order.</summary>
internal static class BodyAssert
{
    public static void Json(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"Expected the body {expected} but it was {actual}.");
    }
}
