using EFCore.DigitalOcean.Testing;
using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

/// <summary>What the API refuses or answers badly: exit 1, one line in the tool's words, the details only with --verbose.</summary>
public class FailureTests
{
    [Fact]
    public async Task Renaming_a_public_image_is_refused_in_the_tools_words_without_a_put()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "rename", UbuntuDistribution.ToString(), "x");

        result.AssertExit(1, $"error: could not rename image {UbuntuDistribution}: it is a public image");
        Assert.Equal([$"GET /v2/images/{UbuntuDistribution}"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task A_region_the_api_rejects_is_one_line_naming_the_import_and_the_apis_reason()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "import", "--name", "a", "--url", "https://example.com/a.qcow2", "--region", "zzz9");

        var post = RequestLog.Single(fake, "POST");
        result.AssertExit(
            1,
            "error: could not import image 'a': POST /v2/images failed with 422 unprocessable_entity: region 'zzz9' is not a valid "
            + $"region slug (request id {post.RequestId})");
        Assert.Equal(["POST /v2/images"], RequestLog.Lines(fake));
    }

    [Fact]
    public async Task Verbose_adds_the_details_of_a_failure_without_a_stack_trace()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(
            fake, "import", "--name", "a", "--url", "https://example.com/a.qcow2", "--region", "zzz9", "--verbose");

        result.AssertNoStackTrace();
        Assert.Equal(1, result.ExitCode);
        var requestId = RequestLog.Single(fake, "POST").RequestId;
        var details = result.ErrorLines.SkipWhile(line => !line.StartsWith("error: could not import image 'a'", StringComparison.Ordinal)).Skip(1);
        Assert.Equal(
            [
                "  Microsoft.EntityFrameworkCore.DbUpdateException: 0 of 1 changes were saved and accepted; these failed and keep their "
                + "state, so SaveChanges can retry them: The new Image 'a' (POST): POST /v2/images failed with 422 unprocessable_entity: "
                + $"region 'zzz9' is not a valid region slug (request id {requestId})",
                "  EFCore.DigitalOcean.DigitalOceanApiException: POST /v2/images failed with 422 unprocessable_entity: region 'zzz9' is "
                + $"not a valid region slug (request id {requestId})",
                $"    status 422, error id unprocessable_entity, request id {requestId}",
            ],
            details);
    }

    [Fact]
    public async Task An_image_deleted_elsewhere_during_import_wait_is_one_line()
    {
        using var fake = App.StartFake();
        fake.InjectFault(new FakeFault { Method = "GET", PathPrefix = "/v2/images/", StatusCode = 404, Times = int.MaxValue });

        var result = await App.RunAsync(fake, CommandLines.Import("demo", "--wait"));

        var id = Assert.Single(fake.Images, i => i.Name == "demo").Id;
        result.AssertExit(
            1,
            $"Started importing image {id} 'demo' (status NEW).",
            $"error: could not wait for image {id} 'demo': it was deleted while it was importing");
        Assert.Equal(["POST /v2/images", $"GET /v2/images/{id}"], RequestLog.Lines(fake));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_wait_that_times_out_says_the_import_goes_on()
    {
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { Seed = TestCatalog.Build(), ImportPolls = 1000 });

        var result = await App.RunAsync(
            fake, CommandLines.Import("demo", "--wait", "--timeout", "1s"));

        var id = Assert.Single(fake.Images, i => i.Name == "demo").Id;
        result.AssertExit(
            1,
            $"Started importing image {id} 'demo' (status NEW).",
            $"error: image {id} 'demo' was not available within 1s (last status pending); the import goes on: 'show {id}' follows it");
    }

    public static TheoryData<FaultKind> BadAnswers => new()
    {
        FaultKind.TruncatedBody, FaultKind.NonJsonBody, FaultKind.EmptyBody200, FaultKind.MissingEnvelopeKey, FaultKind.WrongFieldType,
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task An_answer_the_provider_cannot_read_is_one_line_and_exit_1(FaultKind kind)
    {
        using var fake = App.StartFake();
        fake.InjectFault(new FakeFault { Kind = kind, Times = int.MaxValue });

        var result = await App.RunAsync(fake, "list", "--private");

        result.AssertNoStackTrace();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: could not list images: ", line);
    }

    [Fact]
    public async Task An_unreachable_api_is_one_line_and_exit_1()
    {
        using var fake = App.StartFake();
        var address = fake.BaseAddress.ToString();
        fake.Dispose();

        var result = await App.RunAsync(fake.AccessToken, "show", "3001", "--base-url", address);

        result.AssertNoStackTrace();
        Assert.Equal(1, result.ExitCode);
        // A refused connection is retried, and each retry says so; then one error line.
        // Without --verbose the provider logs no values from URLs: the id is '?'.
        Assert.All(result.ErrorLines[..^1], line => Assert.StartsWith("retrying: Retrying HTTP request GET /v2/images/? ", line));
        Assert.StartsWith("error: could not show image '3001': the API could not be reached: ", result.ErrorLines[^1]);
    }
}
