using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using EFCore.DigitalOcean.Benchmarks.Baseline;
#if EF_FLOOR
using EFCore.DigitalOcean.Benchmarks.ColdStartEfFloor;
using Microsoft.EntityFrameworkCore;
#endif

// Lists every image the way the sample's `list` does (GET /v2/images?per_page=200&page=N, page 1 first for meta.total, then
// the rest in order), newest first, and prints the sample's default columns tab-separated. Built into ColdStartEfFloor (EF_FLOOR),
// it first runs the same query through EF Core's in-memory provider over an empty set: EF's own start-up cost.
//   ColdStartBaseline --base-url http://127.0.0.1:PORT/   (the token in DIGITALOCEAN_TOKEN)
const int PageSize = 200;
var baseUrl = args is ["--base-url", var url] ? new Uri(url) : throw new ArgumentException("usage: ColdStartBaseline --base-url URL");
var token = Environment.GetEnvironmentVariable("DIGITALOCEAN_TOKEN") ?? throw new InvalidOperationException("DIGITALOCEAN_TOKEN is not set.");

#if EF_FLOOR
await using (var db = new EfFloorContext())
{
    _ = await db.Images.AsNoTracking().OrderByDescending(i => i.CreatedAt).ToListAsync();
}

#endif
using var http = new HttpClient { BaseAddress = baseUrl };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var first = await GetPageAsync(1);
var images = new List<ImageDto>((int)first.Meta.Total);
images.AddRange(first.Images);
var lastPage = (first.Meta.Total + PageSize - 1) / PageSize;
for (var page = 2; page <= lastPage; page++)
{
    images.AddRange((await GetPageAsync(page)).Images);
}

images.Sort((a, b) => b.CreatedAt.CompareTo(a.CreatedAt));
await using var output = new StreamWriter(Console.OpenStandardOutput());
await output.WriteLineAsync("ID\tName\tType\tDistribution\tSlug\tRegions\tSize\tCreated\tStatus");
foreach (var image in images)
{
    await output.WriteLineAsync(string.Join(
        '\t',
        image.Id.ToString(CultureInfo.InvariantCulture),
        image.Name,
        image.Type,
        image.Distribution,
        image.Slug,
        string.Join(", ", image.Regions),
        image.SizeGigabytes is { } size ? size.ToString("0.##", CultureInfo.InvariantCulture) + " GB" : "",
        image.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        image.Status));
}

return 0;

async Task<ImagePageDto> GetPageAsync(int page)
{
    using var response = await http.GetAsync(
        string.Create(CultureInfo.InvariantCulture, $"v2/images?per_page={PageSize}&page={page}"),
        HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    await using var body = await response.Content.ReadAsStreamAsync();
    return await JsonSerializer.DeserializeAsync(body, BaselineJsonContext.Default.ImagePageDto)
        ?? throw new JsonException("the body is JSON null");
}
