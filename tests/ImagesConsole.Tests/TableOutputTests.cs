using System.Globalization;
using EFCore.DigitalOcean.Testing;
using ImagesConsole.Tests.TestSupport;
using static ImagesConsole.Tests.TestSupport.TestCatalog;

namespace ImagesConsole.Tests;

/// <summary>Tables fit the terminal and never split an id, a date or a status; a pipe gets tab-separated text.</summary>
public class TableOutputTests
{
    private const long LongNamed = 191439670;
    private const string LongName = "ci-runner-01 before the kernel upgrade to 6.11 and the move to the new storage backend";

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task List_fits_the_terminal_and_keeps_every_id_date_and_status_whole(int width)
    {
        using var fake = StartFakeWithLongName();

        var result = await App.RunInTerminalAsync(fake, width, "list");

        result.AssertExit(0);
        var lines = result.OutputLines;
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} columns: {line}"));
        var images = fake.Images;
        var rows = lines.Where(line => line.StartsWith('│') && !line.Contains("Name")).ToList();
        Assert.Equal(images.Count, rows.Count);
        foreach (var image in images)
        {
            // Each id, date and status whole, on the row of its own image.
            var row = Assert.Single(rows, r => Cells(r)[0] == image.Id.ToString(CultureInfo.InvariantCulture));
            Assert.Contains(image.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Cells(row));
            Assert.Contains(image.Status, Cells(row));
        }

        var longRow = Assert.Single(rows, r => Cells(r)[0] == LongNamed.ToString(CultureInfo.InvariantCulture));
        var name = Cells(longRow)[1];
        Assert.EndsWith("…", name);
        Assert.StartsWith(name.TrimEnd('…'), LongName);
    }

    [Fact]
    public async Task At_80_columns_the_least_important_columns_go_first()
    {
        using var fake = StartFakeWithLongName();

        var narrow = await App.RunInTerminalAsync(fake, 80, "list");
        var wide = await App.RunInTerminalAsync(fake, 120, "list");
        var widest = await App.RunInTerminalAsync(fake, 200, "list");

        Assert.Equal(["ID", "Name", "Type", "Created", "Status"], Cells(Header(narrow)));
        Assert.Equal(["ID", "Name", "Type", "Distribution", "Regions", "Size", "Created", "Status"], Cells(Header(wide)));
        Assert.Equal(["ID", "Name", "Type", "Distribution", "Slug", "Regions", "Size", "Created", "Status"], Cells(Header(widest)));
        Assert.Contains(widest.OutputLines, line => line.Contains(LongName));
    }

    [Fact]
    public async Task A_column_without_any_value_goes_before_the_others_when_the_table_does_not_fit()
    {
        using var fake = StartFakeWithLongName();

        // Your own images have no slug: the empty column makes room for the name, the distribution and the size stay.
        var result = await App.RunInTerminalAsync(fake, 120, "list", "--private");

        result.AssertExit(0);
        Assert.Equal(["ID", "Name", "Type", "Distribution", "Regions", "Size", "Created", "Status"], Cells(Header(result)));
        Assert.All(result.OutputLines, line => Assert.True(line.Length <= 120, line));
    }

    [Fact]
    public async Task In_a_pipe_the_table_is_tab_separated_text_without_trailing_spaces()
    {
        using var fake = App.StartFake();

        var result = await App.RunAsync(fake, "list", "--private", "--top", "2");

        result.AssertExit(0);
        Assert.Equal(
            [
                "ID\tName\tType\tDistribution\tSlug\tRegions\tSize\tCreated\tStatus",
                $"{FreshWebSnapshot}\tweb-01 fresh snapshot\tsnapshot\tUbuntu\t\tnyc3\t2.5 GB\t{Date(1)}\tavailable",
                $"{TalosCustom}\ttalos-v1.8.3\tcustom\tUbuntu\t\tnyc3\t2.5 GB\t{Date(5)}\tavailable",
            ],
            result.OutputLines);
        Assert.DoesNotContain(result.Stdout.Split(Environment.NewLine), line => line.EndsWith(' '));
    }

    [Fact]
    public async Task Format_picks_the_columns_in_its_order_and_no_header_drops_the_header()
    {
        using var fake = App.StartFake();

        var piped = await App.RunAsync(fake, "list", "--private", "--top", "2", "--format", "ID,Name,Regions", "--no-header");
        var terminal = await App.RunInTerminalAsync(fake, 80, "list", "--private", "--top", "1", "--format", "status,id,tags");

        piped.AssertExit(0);
        Assert.Equal([$"{FreshWebSnapshot}\tweb-01 fresh snapshot\tnyc3", $"{TalosCustom}\ttalos-v1.8.3\tnyc3"], piped.OutputLines);
        terminal.AssertExit(0);
        Assert.Equal(["Status", "ID", "Tags"], Cells(Header(terminal)));
        Assert.Contains(terminal.OutputLines, line => Cells(line) is ["available", "3006", "prod,web"]);
    }

    [Fact]
    public async Task No_header_on_a_terminal_leaves_only_the_rows()
    {
        using var fake = App.StartFake();

        var result = await App.RunInTerminalAsync(fake, 80, "list", "--private", "--top", "1", "--no-header");

        result.AssertExit(0);
        var row = Assert.Single(result.OutputLines, line => line.StartsWith('│'));
        Assert.Equal(FreshWebSnapshot.ToString(CultureInfo.InvariantCulture), Cells(row)[0]);
    }

    private static DigitalOceanFake StartFakeWithLongName()
    {
        var fake = App.StartFake();
        var image = Own(LongNamed, LongName, "snapshot", DateTimeOffset.UtcNow.AddDays(-3), "ci");
        image.Regions = ["nyc3", "sfo3", "ams3", "fra1", "lon1"];
        fake.AddImage(image);
        return fake;
    }

    private static string Header(AppResult result) => result.OutputLines.First(line => line.StartsWith('│'));

    private static string[] Cells(string row) => [.. row.Trim('│').Split('│').Select(cell => cell.Trim())];

    private static string Date(int daysAgo)
        => DateTimeOffset.UtcNow.AddDays(-daysAgo).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
