using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Infrastructure;
using EFCore.DigitalOcean.Testing;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary>Invalid options are rejected with an <see cref="ArgumentException" /> while configuring, before any request.</summary>
public class OptionsValidationTests
{
    public static TheoryData<string, Action<DigitalOceanDbContextOptionsBuilder>> InvalidProviderOptions => new()
    {
        { "PageSize(0)", o => o.PageSize(0) },
        { "PageSize(201)", o => o.PageSize(201) },
        { "PageSize(-1)", o => o.PageSize(-1) },
        { "relative BaseAddress", o => o.BaseAddress(new Uri("v2/", UriKind.Relative)) },
        { "ftp BaseAddress", o => o.BaseAddress(new Uri("ftp://127.0.0.1/")) },
        { "file BaseAddress", o => o.BaseAddress(new Uri("file:///tmp/api")) },
        { "MaxConcurrentRequests(0)", o => o.MaxConcurrentRequests(0) },
        { "MaxRetries(-1)", o => o.MaxRetries(-1) },
        { "RequestTimeout(0)", o => o.RequestTimeout(TimeSpan.Zero) },
    };

    [Theory]
    [MemberData(nameof(InvalidProviderOptions))]
    public void An_invalid_provider_option_is_rejected_before_any_request(string option, Action<DigitalOceanDbContextOptionsBuilder> configure)
    {
        using var cloud = TestCloud.Start();

        var error = Record.Exception(() => cloud.CreateContext(configure).Images.ToList());

        Assert.True(error is ArgumentException, $"{option}: expected an ArgumentException, got {error?.GetType().Name ?? "none"}.");
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void An_empty_or_white_space_token_is_rejected_before_any_request(string token)
    {
        using var cloud = TestCloud.Start();

        var error = Assert.ThrowsAny<ArgumentException>(() => cloud.CreateContextWithToken(token).Images.ToList());

        Assert.Contains("DIGITALOCEAN_TOKEN", error.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void The_page_size_bounds_are_accepted(int pageSize)
    {
        using var cloud = TestCloud.Start(FakeCatalog.PrivateImages(3));
        using var db = cloud.CreateContext(o => o.PageSize(pageSize));

        Assert.Equal(3, db.Images.ToList().Count);
        RequestAssert.Sent(
            cloud.Requests,
            RequestAssert.Pages($"GET /v2/images?per_page={pageSize}", pageSize == 1 ? 3 : 1));
    }
}
