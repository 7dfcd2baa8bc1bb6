using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EFCore.DigitalOcean.Benchmarks.Baseline;

/// <summary>
///     The baseline: the client a developer would write by hand with <see cref="HttpClient" /> and source-generated
///     System.Text.Json, reading each body straight from the response stream. Pages are read one after another.
/// </summary>
public sealed class HandWrittenApi(HttpClient http, int pageSize)
{
    /// <summary>Every image: page 1 gives <c>meta.total</c>, then pages 2..last follow in order.</summary>
    public async Task<List<ImageDto>> ListAllAsync()
    {
        var first = await GetPageAsync(1, pageSize);
        var images = new List<ImageDto>((int)first.Meta.Total);
        images.AddRange(first.Images);
        var lastPage = (first.Meta.Total + pageSize - 1) / pageSize;
        for (var page = 2; page <= lastPage; page++)
        {
            images.AddRange((await GetPageAsync(page, pageSize)).Images);
        }

        return images;
    }

    /// <summary><c>meta.total</c> of a one-item page.</summary>
    public async Task<long> CountAsync() => (await GetPageAsync(1, perPage: 1)).Meta.Total;

    /// <summary><c>GET /v2/images/{id}</c>; null on 404.</summary>
    public async Task<ImageDto?> GetImageAsync(long id)
    {
        using var response = await http.GetAsync(
            "v2/images/" + id.ToString(CultureInfo.InvariantCulture), HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : (await ReadAsync(response, BaselineJsonContext.Default.ImageEnvelopeDto)).Image;
    }

    /// <summary>
    ///     The transport floor: the same page requests, with each body read to the end and thrown away unparsed. What any
    ///     client spends above this is its own JSON reading and object building. Returns the number of pages read.
    /// </summary>
    public async Task<int> DrainPagesAsync(int pages)
    {
        for (var page = 1; page <= pages; page++)
        {
            using var response = await http.GetAsync(PagePath(page, pageSize), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(Stream.Null);
        }

        return pages;
    }

    private async Task<ImagePageDto> GetPageAsync(int page, int perPage)
    {
        using var response = await http.GetAsync(PagePath(page, perPage), HttpCompletionOption.ResponseHeadersRead);
        return await ReadAsync(response, BaselineJsonContext.Default.ImagePageDto);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type)
    {
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        return await JsonSerializer.DeserializeAsync(body, type) ?? throw new JsonException("the body is JSON null");
    }

    private static string PagePath(int page, int perPage)
        => string.Create(CultureInfo.InvariantCulture, $"v2/images?per_page={perPage}&page={page}");
}
