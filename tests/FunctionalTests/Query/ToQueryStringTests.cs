using System.Text;
using EFCore.DigitalOcean.FunctionalTests.TestSupport;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.FunctionalTests.Query;

/// <summary><c>ToQueryString()</c> shows the first request and what runs in memory, and sends nothing.</summary>
public class ToQueryStringTests
{
    [Fact]
    public void A_scoped_query_with_an_in_memory_filter_shows_both_parts()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var lines = Lines(db.Images.PrivateOnly().Where(i => i.Name.StartsWith("web")).ToQueryString());

        Assert.Equal("GET /v2/images?private=true&per_page=200&page=1", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("-- evaluated in memory: ", StringComparison.Ordinal) && l.Contains("StartsWith"));
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void A_pushed_down_query_shows_its_parameter_values_and_keeps_the_tag_out_of_memory()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var tag = "a&b";

        var lines = Lines(db.Images.Where(i => i.Tags.Contains(tag)).Take(5).ToQueryString());

        Assert.Equal("GET /v2/images?tag_name=a%26b&per_page=5&page=1", lines[0]);
        Assert.Contains("-- @tag='a&b'", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Contains"));
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Theory]
    [InlineData("a b", "GET /v2/images/a%20b")]
    [InlineData("a&b=c", "GET /v2/images/a%26b%3Dc")]
    public void A_slug_read_shows_the_escaped_path(string slug, string request)
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var lines = Lines(db.Images.Where(i => i.Slug == slug).ToQueryString());

        Assert.Equal(request, lines[0]);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void An_id_read_shows_the_item_path()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();

        var lines = Lines(db.Images.Where(i => i.Id == 7555620).ToQueryString());

        Assert.Equal("GET /v2/images/7555620", lines[0]);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void Parameters_from_an_indexer_or_a_method_are_named_after_the_property_they_are_compared_with()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        string[] tags = ["prod"];
        var prefix = new StringBuilder("web");

        var lines = Lines(db.Images.Where(i => i.Tags.Contains(tags[0]) && i.Name.StartsWith(prefix.ToString())).ToQueryString());

        Assert.Equal("GET /v2/images?tag_name=prod&per_page=200&page=1", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("-- evaluated in memory: ", StringComparison.Ordinal) && l.Contains("i.Name.StartsWith(@name)"));
        Assert.Contains("-- @tag='prod'", lines);
        Assert.Contains("-- @name='web'", lines);
        Assert.DoesNotContain(lines, l => l.Contains("get_Item") || l.Contains("@ToString"));
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void A_captured_variable_keeps_its_name_and_a_parameter_compared_with_nothing_is_p()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var name = "web";
        int[] counts = [3];

        var lines = Lines(db.Images.Where(i => i.Name == name).Take(counts[0]).ToQueryString());

        Assert.Contains("-- @name='web'", lines);
        Assert.Contains("-- @p='3'", lines);
        RequestAssert.NoneSent(cloud.Requests);
    }

    [Fact]
    public void A_parameter_in_a_string_Contains_is_named_after_the_whole_property_not_its_singular()
    {
        using var cloud = TestCloud.Start(FakeCatalog.Realistic());
        using var db = cloud.CreateContext();
        var part = new StringBuilder("pend");

        var lines = Lines(db.Images.PrivateOnly().Where(i => i.Status!.Contains(part.ToString())).ToQueryString());

        Assert.Contains("-- @status='pend'", lines);
        RequestAssert.NoneSent(cloud.Requests);
    }

    private static string[] Lines(string text) => text.Split(["\r\n", "\n"], StringSplitOptions.None);
}
