using System.Linq.Expressions;
using EFCore.DigitalOcean.Diagnostics.Internal;
using EFCore.DigitalOcean.Metadata.Internal;
using EFCore.DigitalOcean.Storage.Internal;
using EFCore.DigitalOcean.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Compiles a translated query into a <see cref="ResourceQueryingEnumerable{T}" />: the frozen request plan, the in-memory
///     operators as one delegate, and EF's own materializer (with tracking and identity resolution) as the shaper.
/// </summary>
internal sealed class DigitalOceanShapedQueryCompilingExpressionVisitor(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    QueryCompilationContext queryCompilationContext)
    : ShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext)
{
    protected override Expression VisitShapedQuery(ShapedQueryExpression shapedQueryExpression)
    {
        if (shapedQueryExpression.QueryExpression is CrossSetQueryExpression crossSet)
        {
            return Expression.New(
                typeof(CrossSetQueryingEnumerable<>).MakeGenericType(crossSet.ElementType).GetConstructors()[0],
                QueryCompilationContext.QueryContextParameter,
                Expression.Constant(crossSet.Sources),
                Expression.Constant(crossSet.Combine),
                Expression.Constant(crossSet.Operations));
        }

        var query = (ResourceQueryExpression)shapedQueryExpression.QueryExpression;
        if (query.Tail is not { } tail)
        {
            return NewQueryingEnumerable(query, shapedQueryExpression.ShaperExpression);
        }

        var tailDelegate = Expression.Lambda(tail.Body, QueryCompilationContext.QueryContextParameter, tail.Source).Compile();
        return Expression.New(
            typeof(TailQueryingEnumerable<,>).MakeGenericType(tail.InputShaper.Type, tail.ElementType).GetConstructors()[0],
            NewQueryingEnumerable(query, tail.InputShaper),
            QueryContext,
            Expression.Constant(tailDelegate),
            Expression.Constant(tail.Operations));
    }

    /// <summary>The enumerable that fetches rows, runs the in-memory row operators and shapes each row with EF's materializer.</summary>
    private NewExpression NewQueryingEnumerable(ResourceQueryExpression query, Expression shaperExpression)
    {
        var shaper = Expression.Lambda(
            new RowReadBinder(query.Row).Visit(InjectStructuralTypeMaterializers(shaperExpression)),
            QueryCompilationContext.QueryContextParameter,
            query.Row);

        return Expression.New(
            typeof(ResourceQueryingEnumerable<>).MakeGenericType(shaper.ReturnType).GetConstructors()[0],
            QueryContext,
            Expression.Constant(new ResourceQueryPlan(query)),
            Expression.Constant(CompileInMemory(query), typeof(Func<QueryContext, IAsyncEnumerable<ResourceRow>, IAsyncEnumerable<ResourceRow>>)),
            Expression.Constant(shaper.Compile()),
            Expression.Constant(QueryCompilationContext.ContextType),
            Expression.Constant(QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.NoTrackingWithIdentityResolution),
            Expression.Constant(Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled));
    }

    protected override Expression VisitExtension(Expression extensionExpression)
    {
        if (extensionExpression is not ResourceBulkWriteExpression bulkWrite)
        {
            return base.VisitExtension(extensionExpression);
        }

        var query = bulkWrite.Query;
        var setters = bulkWrite.Setters?
            .Select(s => (s.Property, Expression.Lambda<Func<QueryContext, ResourceRow, object?>>(
                s.RowValue.Body, QueryCompilationContext.QueryContextParameter, query.Row).Compile()))
            .ToList();
        var write = new BulkWrite(query.EntityType, new ResourceQueryPlan(query), CompileInMemory(query), setters);
        return Expression.Call(
            Expression.Constant(write),
            QueryCompilationContext.IsAsync ? BulkWrite.ExecuteAsyncMethod : BulkWrite.ExecuteMethod,
            QueryContext);
    }

    private Expression QueryContext
        => Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DigitalOceanQueryContext));

    /// <summary>The in-memory operators as one delegate, or null when everything went into the request.</summary>
    private Func<QueryContext, IAsyncEnumerable<ResourceRow>, IAsyncEnumerable<ResourceRow>>? CompileInMemory(ResourceQueryExpression query)
    {
        if (query.Resource.ParentKeyProperty is { } parentKey && query.Parent is null)
        {
            throw new InvalidOperationException(DigitalOceanStrings.ParentKeyRequired(query.Resource.ClrType.Name, parentKey));
        }

        return query.NothingInMemory
            ? null
            : Expression.Lambda<Func<QueryContext, IAsyncEnumerable<ResourceRow>, IAsyncEnumerable<ResourceRow>>>(
                query.Pipeline, QueryCompilationContext.QueryContextParameter, query.Source).Compile();
    }
}
