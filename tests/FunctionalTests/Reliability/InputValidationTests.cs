using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Infrastructure;

namespace EFCore.DigitalOcean.FunctionalTests.Reliability;

/// <summary>Bad configuration is refused where it is written, with the argument named, before any request is sent.</summary>
public class InputValidationTests
{
    private static readonly Dictionary<string, Action<DigitalOceanDbContextOptionsBuilder>> BadOptions = new()
    {
        ["relative base address"] = o => o.BaseAddress(new Uri("/v2/", UriKind.Relative)),
        ["ftp base address"] = o => o.BaseAddress(new Uri("ftp://127.0.0.1/")),
        ["file base address"] = o => o.BaseAddress(new Uri("file:///tmp/api")),
        ["page size 0"] = o => o.PageSize(0),
        ["page size 201"] = o => o.PageSize(201),
        ["negative retries"] = o => o.MaxRetries(-1),
        ["no concurrency"] = o => o.MaxConcurrentRequests(0),
        ["zero timeout"] = o => o.RequestTimeout(TimeSpan.Zero),
        ["negative retry delay"] = o => o.RetryDelay(TimeSpan.FromMilliseconds(-1)),
    };

    [Theory]
    [InlineData("relative base address", "baseAddress")]
    [InlineData("ftp base address", "baseAddress")]
    [InlineData("file base address", "baseAddress")]
    [InlineData("page size 0", "pageSize")]
    [InlineData("page size 201", "pageSize")]
    [InlineData("negative retries", "maxRetries")]
    [InlineData("no concurrency", "maxConcurrentRequests")]
    [InlineData("zero timeout", "timeout")]
    [InlineData("negative retry delay", "delay")]
    public void A_bad_option_is_refused_naming_the_argument_and_nothing_is_sent(string option, string parameter)
    {
        using var cloud = FaultyCloud.Start();

        var error = Assert.ThrowsAny<ArgumentException>(() => cloud.CreateContext(BadOptions[option]));

        Assert.Equal(parameter, error.ParamName);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    public void An_empty_or_white_space_token_is_refused_and_nothing_is_sent(string token)
    {
        using var cloud = FaultyCloud.Start();

        var error = Assert.Throws<ArgumentException>(() => cloud.CreateContextWithToken(token));

        Assert.Equal("accessToken", error.ParamName);
        Assert.StartsWith("The DigitalOcean access token is empty or white space.", error.Message);
        RequestAssert.NoneSent(cloud.Requests);
    }
}
