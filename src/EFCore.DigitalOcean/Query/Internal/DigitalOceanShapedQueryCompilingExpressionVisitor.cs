using System.Linq.Expressions;
using EFCore.DigitalOcean.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

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
        var query = (ResourceQueryExpression)shapedQueryExpression.QueryExpression;
        var shaperBody = InjectStructuralTypeMaterializers(shapedQueryExpression.ShaperExpression);
        var shaper = Expression.Lambda(shaperBody, QueryCompilationContext.QueryContextParameter, query.Row);

        var inMemory = query.NothingInMemory
            ? null
            : Expression.Lambda<Func<QueryContext, IAsyncEnumerable<ValueBuffer>, IAsyncEnumerable<ValueBuffer>>>(
                query.Pipeline, QueryCompilationContext.QueryContextParameter, query.Source).Compile();

        if (!query.IsNarrowed && query.FiltersInMemory)
        {
            QueryCompilationContext.Logger.FullListing("/" + query.Resource.CollectionPath, string.Join(", ", query.ClientOperations));
        }

        return Expression.New(
            typeof(ResourceQueryingEnumerable<>).MakeGenericType(shaper.ReturnType).GetConstructors()[0],
            Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DigitalOceanQueryContext)),
            Expression.Constant(new ResourceQueryPlan(query)),
            Expression.Constant(inMemory, typeof(Func<QueryContext, IAsyncEnumerable<ValueBuffer>, IAsyncEnumerable<ValueBuffer>>)),
            Expression.Constant(shaper.Compile()),
            Expression.Constant(QueryCompilationContext.ContextType),
            Expression.Constant(QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.NoTrackingWithIdentityResolution),
            Expression.Constant(Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled));
    }
}

internal sealed class DigitalOceanShapedQueryCompilingExpressionVisitorFactory(ShapedQueryCompilingExpressionVisitorDependencies dependencies)
    : IShapedQueryCompilingExpressionVisitorFactory
{
    public ShapedQueryCompilingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DigitalOceanShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext);
}
