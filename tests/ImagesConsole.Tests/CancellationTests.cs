using EFCore.DigitalOcean.Testing;
using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

/// <summary>Ctrl+C: exit 130, after saying what was already done and what was not.</summary>
public class CancellationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Ctrl_c_during_delete_says_which_images_are_gone_and_which_are_not()
    {
        using var fake = App.StartFake();
        const long Failing = 998;
        fake.AddImage(Own(Failing, "stuck", "snapshot", DateTimeOffset.UtcNow.AddDays(-5)));
        fake.InjectFault(new FakeFault { Method = "DELETE", PathPrefix = $"/v2/images/{Failing}", StatusCode = 503, Times = int.MaxValue });

        var run = App.Start(fake, "delete", OldWebSnapshot.ToString(), Failing.ToString());
        await Until(() => fake.Requests.Any(r => r.Method == "DELETE" && r.Path == $"/v2/images/{OldWebSnapshot}" && r.StatusCode == 204)
            && fake.Requests.Count(r => r.Path == $"/v2/images/{Failing}" && r.StatusCode == 503) >= 2);
        run.Cancel();
        var result = await run.Completion.WaitAsync(Patience);

        // The 503s were retried, and each retry said so before Ctrl+C.
        result.AssertNoStackTrace();
        Assert.Equal(130, result.ExitCode);
        var retries = result.MessageLines.TakeWhile(line => line.StartsWith("retrying: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(retries);
        // Without --verbose the provider logs no values from URLs: the id is '?'.
        Assert.All(retries, line => Assert.Contains("DELETE /v2/images/? ", line));
        Assert.Equal(
            [$"Cancelled after deleting 1 image: {OldWebSnapshot}.", $"Not deleted, interrupted before the API confirmed it: {Failing}."],
            result.MessageLines.Skip(retries.Count));
        Assert.Null(fake.FindImage(OldWebSnapshot));
        Assert.NotNull(fake.FindImage(Failing));
    }

    [Fact]
    public async Task Ctrl_c_during_import_wait_says_the_image_was_created_and_goes_on_importing()
    {
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { Seed = TestCatalog.Build(), ImportPolls = 1000 });

        var run = App.Start(fake, CommandLines.Import("demo", "--wait"));
        await Until(() => fake.Requests.Any(r => r.Method == "GET" && r.StatusCode == 200));
        run.Cancel();
        var result = await run.Completion.WaitAsync(Patience);

        var id = Assert.Single(fake.Images, i => i.Name == "demo").Id;
        result.AssertExit(
            130,
            $"Started importing image {id} 'demo' (status NEW).",
            $"Cancelled: image {id} 'demo' was created and its import goes on (last status pending); nothing was deleted. "
            + $"'show {id}' follows it.");
        Assert.DoesNotContain(fake.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task Ctrl_c_during_a_listing_says_nothing_was_changed()
    {
        using var fake = App.StartFake();
        fake.InjectFault(new FakeFault { Kind = FaultKind.SlowResponse, Delay = TimeSpan.FromSeconds(30) });

        var run = App.Start(fake, "list", "--private");
        await Until(() => fake.Requests.Count > 0);
        run.Cancel();
        var result = await run.Completion.WaitAsync(Patience);

        result.AssertExit(130, "Cancelled: could not list images; nothing was changed.");
        Assert.Equal("", result.Stdout);
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }

        // The answer the fake recorded still has to reach the provider.
        await Task.Delay(300);
    }
}
