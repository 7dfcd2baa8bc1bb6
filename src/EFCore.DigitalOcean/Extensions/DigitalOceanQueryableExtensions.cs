using System.Linq.Expressions;
using System.Reflection;
using EFCore.DigitalOcean;
using EFCore.DigitalOcean.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Query operators that choose which catalogue a listing reads. The API's <c>type</c> and <c>private</c> parameters select a
///     catalogue, not an attribute value: distribution images carry the type <c>snapshot</c> or <c>base</c>, and some
///     marketplace images are not public without being yours. So <c>Where(i =&gt; i.Type == "snapshot")</c> and
///     <c>Where(i =&gt; !i.Public)</c> run in memory, and these operators say what you mean. Use at most one per query.
/// </summary>
public static class DigitalOceanQueryableExtensions
{
    private static readonly MethodInfo DistributionsMethod = Method(nameof(Distributions));
    private static readonly MethodInfo ApplicationsMethod = Method(nameof(Applications));
    private static readonly MethodInfo PrivateOnlyMethod = Method(nameof(PrivateOnly));

    /// <summary>Lists only the public OS distribution images (<c>type=distribution</c>).</summary>
    public static IQueryable<Image> Distributions(this IQueryable<Image> source) => Apply(source, DistributionsMethod);

    /// <summary>Lists only the 1-Click application images (<c>type=application</c>).</summary>
    public static IQueryable<Image> Applications(this IQueryable<Image> source) => Apply(source, ApplicationsMethod);

    /// <summary>Lists only your own images: snapshots, backups and custom images (<c>private=true</c>).</summary>
    public static IQueryable<Image> PrivateOnly(this IQueryable<Image> source) => Apply(source, PrivateOnlyMethod);

    internal static ListScope? FindScope(MethodInfo method)
        => method == DistributionsMethod ? ListScope.Distributions
            : method == ApplicationsMethod ? ListScope.Applications
            : method == PrivateOnlyMethod ? ListScope.PrivateOnly
            : null;

    private static IQueryable<Image> Apply(IQueryable<Image> source, MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Provider is EntityQueryProvider
            ? source.Provider.CreateQuery<Image>(Expression.Call(null, method, source.Expression))
            : source;
    }

    private static MethodInfo Method(string name) => typeof(DigitalOceanQueryableExtensions).GetMethod(name)!;
}
