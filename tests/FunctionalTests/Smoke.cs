using EFCore.DigitalOcean;
using EFCore.DigitalOcean.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

public class Smoke(ITestOutputHelper output)
{
    class Ctx(DbContextOptions<Ctx> o) : DbContext(o) { public DbSet<Image> Images => Set<Image>(); }

    [Fact]
    public async Task Basic()
    {
        var seed = new List<FakeImage>();
        for (var n = 0; n < 450; n++)
            seed.Add(new FakeImage { Name = "img" + n, Type = n % 3 == 0 ? "snapshot" : "backup", Slug = n < 10 ? "slug-" + n : null, Public = n < 10,
                Category = n < 10 ? ImageCategory.Distribution : ImageCategory.User, CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(n % 300),
                Tags = n % 7 == 0 ? ["prod"] : [], SizeGigabytes = n, Regions = ["nyc3"] });
        using var fake = DigitalOceanFake.Start(new DigitalOceanFakeOptions { Seed = seed });
        var opts = new DbContextOptionsBuilder<Ctx>().UseDigitalOcean(fake.AccessToken, o => o.BaseAddress(fake.BaseAddress))
            .LogTo(output.WriteLine, Microsoft.Extensions.Logging.LogLevel.Information).Options;
        await using var db = new Ctx(opts);
        var all = await db.Images.ToListAsync();
        output.WriteLine($"all {all.Count}");
        var cutoff = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        var q = db.Images.PrivateOnly().Where(i => i.Type == "snapshot" && i.CreatedAt < cutoff).OrderBy(i => i.CreatedAt);
        output.WriteLine(q.ToQueryString());
        var old = await q.ToListAsync();
        output.WriteLine($"old {old.Count} tracked {db.ChangeTracker.Entries().Count()}");
        var id = all[3].Id;
        var one = await db.Images.Where(i => i.Id == id).ToListAsync();
        output.WriteLine($"one {one.Count} same {ReferenceEquals(one[0], all[3])}");
        var f = await db.Images.FindAsync(all[5].Id);
        output.WriteLine($"count {await db.Images.CountAsync()} any {await db.Images.AnyAsync()}");
        var tag = "prod";
        output.WriteLine($"tag {await db.Images.Where(i => i.Tags.Contains(tag)).CountAsync()} {(await db.Images.Where(i => i.Tags.Contains(tag)).ToListAsync()).Count}");
        output.WriteLine($"first {(await db.Images.FirstAsync()).Name}");
        output.WriteLine($"take {(await db.Images.Take(3).ToListAsync()).Count}");
        var slug = await db.Images.Where(i => i.Slug == "slug-3").SingleOrDefaultAsync();
        output.WriteLine($"slug {slug?.Name}");
        var names = await db.Images.Distributions().Select(i => new { i.Name, i.Slug }).ToListAsync();
        output.WriteLine($"names {names.Count} {names[0]}");
        output.WriteLine($"sum {await db.Images.PrivateOnly().SumAsync(i => i.SizeGigabytes)} max {await db.Images.MaxAsync(i => i.CreatedAt)}");
        output.WriteLine($"nonexist {await db.Images.FindAsync(12345L)}");
        output.WriteLine($"requests {fake.Requests.Count}: " + string.Join(" | ", fake.Requests.Select(r => r.Method + " " + r.Path + r.QueryString)));
    }
}
