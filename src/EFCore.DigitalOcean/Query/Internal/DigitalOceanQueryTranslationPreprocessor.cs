using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Lifts the scope operators (Distributions, Applications, PrivateOnly) out of the query before EF's own preprocessing,
///     which does not know them, and records the scope for the translator. They may stand anywhere in the chain; two of them
///     in one query are an error, because the API lists one catalogue per request. A query over several sets is compiled as a
///     whole here instead (see <see cref="CrossSetQueryCompiler" />): each of its sets is a query of its own.
/// </summary>
internal sealed class DigitalOceanQueryTranslationPreprocessor(
    QueryTranslationPreprocessorDependencies dependencies,
    DigitalOceanQueryCompilationContext queryCompilationContext)
    : QueryTranslationPreprocessor(dependencies, queryCompilationContext)
{
    public override Expression Process(Expression query)
    {
        queryCompilationContext.ParameterNames = ParameterDisplayNames.For(query);
        if (CrossSetQueryCompiler.Applies(query))
        {
            return CrossSetQueryCompiler.Compile(query, queryCompilationContext);
        }

        query = new ScopeExtractor(queryCompilationContext).Visit(query);

        // EF's navigation expansion knows no Chunk. It and everything after it run in memory over materialized results
        // anyway, so only the part before it is preprocessed, and the rest is put back on top for the translator's tail.
        if (FindChunk(query) is not { } chunk)
        {
            return base.Process(query);
        }

        var processedSource = base.Process(chunk.Arguments[0]);
        return new SourceReplacer(chunk.Arguments[0], processedSource).Visit(query)!;
    }

    /// <summary>The first Chunk applied in the query's chain of operators, or null.</summary>
    private static MethodCallExpression? FindChunk(Expression query)
    {
        MethodCallExpression? chunk = null;
        for (var current = query; current is MethodCallExpression { Arguments.Count: > 0 } call; current = call.Arguments[0])
        {
            if (call.Method.DeclaringType == typeof(Queryable) && call.Method.Name == nameof(Queryable.Chunk))
            {
                chunk = call;
            }
        }

        return chunk;
    }

    private sealed class SourceReplacer(Expression original, Expression replacement) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == original ? replacement : base.Visit(node);
    }

    private sealed class ScopeExtractor(DigitalOceanQueryCompilationContext context) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (DigitalOceanQueryableExtensions.FindScope(node.Method) is not { } scope)
            {
                return base.VisitMethodCall(node);
            }

            if (context.Scope is { } existing)
            {
                throw new InvalidOperationException(DigitalOceanStrings.ConflictingScopes(existing.OperatorName, scope.OperatorName));
            }

            context.Scope = scope;
            return Visit(node.Arguments[0]);
        }
    }
}
