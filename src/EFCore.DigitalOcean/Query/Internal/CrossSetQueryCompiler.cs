using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Compiles a query that reads more than one set (<c>db.Snapshots.Join(db.Images, …)</c>,
///     <c>db.Images.Where(i =&gt; db.Regions.Any(…))</c>). The API cannot join, so each largest part of the query that reads one
///     set and depends on nothing outside itself becomes a query of its own, compiled by this provider with its own push-down
///     (a filter on one set's side is pushed for that set) and run once; what combines them runs in memory with LINQ to
///     Objects. A tracking operator anywhere applies to every set, as it would to the whole query.
/// </summary>
internal static class CrossSetQueryCompiler
{
    private static readonly MethodInfo CreateSourceMethod
        = typeof(CrossSetQueryCompiler).GetMethod(nameof(CreateSource), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly PropertyInfo SetsIndexer = typeof(IReadOnlyList<object>).GetProperty("Item")!;

    /// <summary>Whether the query reads more than one set (or one set twice).</summary>
    public static bool Applies(Expression query) => QueryRoots.Count(query) > 1;

    public static ShapedQueryExpression Compile(Expression query, DigitalOceanQueryCompilationContext context)
    {
        var (tracking, untracked) = TrackingOperators.Strip(query);
        var splitter = new SetSplitter();
        var combined = splitter.Visit(untracked)!;

        var sources = splitter.Sets
            .Select(set => (CrossSetSource)CreateSourceMethod
                .MakeGenericMethod(SetSplitter.ElementType(set.Placeholder.Type))
                .Invoke(null, [context.CreateSubqueryContext(), TrackingOperators.Apply(tracking, set.Query)])!)
            .ToList();

        var sets = Expression.Parameter(typeof(IReadOnlyList<object>), "sets");
        var rewriter = new CombinationRewriter(
            splitter.Sets.Select((set, index) => (set.Placeholder, (Expression)Expression.Convert(
                Expression.MakeIndex(sets, SetsIndexer, [Expression.Constant(index)]),
                typeof(IEnumerable<>).MakeGenericType(SetSplitter.ElementType(set.Placeholder.Type))))).ToDictionary());
        var body = rewriter.Visit(combined)!;

        var sequenceType = SequenceElementType(query.Type);
        var elementType = sequenceType ?? query.Type;
        if (sequenceType is null)
        {
            body = Expression.NewArrayInit(elementType, body);
        }

        var combine = Expression.Lambda(
                typeof(Func<,,>).MakeGenericType(typeof(QueryContext), typeof(IReadOnlyList<object>), typeof(IEnumerable<>).MakeGenericType(elementType)),
                body,
                QueryCompilationContext.QueryContextParameter,
                sets)
            .Compile();

        return new ShapedQueryExpression(
                new CrossSetQueryExpression(sources, combine, elementType, rewriter.Operations),
                Expression.Default(elementType))
            .UpdateResultCardinality(sequenceType is null ? ResultCardinality.Single : ResultCardinality.Enumerable);
    }

    private static CrossSetSource CreateSource<T>(DigitalOceanQueryCompilationContext context, Expression query)
        => context.IsAsync
            ? new CrossSetSource<T>(null, context.CreateQueryExecutor<IAsyncEnumerable<T>>(query))
            : new CrossSetSource<T>(context.CreateQueryExecutor<IEnumerable<T>>(query), null);

    private static Type? SequenceElementType(Type type)
        => type == typeof(string)
            ? null
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? type.GetGenericArguments()[0]
                : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                    ?.GetGenericArguments()[0];
}
