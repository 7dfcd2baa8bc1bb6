namespace EFCore.DigitalOcean.FunctionalTests.TestSupport;

/// <summary>Checks that a secret does not appear in some text, without ever echoing the secret into the test output.</summary>
public static class SecretAssert
{
    public static void NotIn(string? text, string secret, string where)
        => Assert.False(
            text is not null && text.Contains(secret, StringComparison.Ordinal),
            $"The access token appeared in {where}.");

    /// <summary>A token that looks like a real one and occurs nowhere else, so that any occurrence is a leak.</summary>
    public static string NewToken() => "dop_v1_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
}
