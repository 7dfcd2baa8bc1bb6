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
        => CrossSetQueryCompiler.Applies(query)
            ? CrossSetQueryCompiler.Compile(query, queryCompilationContext)
            : base.Process(new ScopeExtractor(queryCompilationContext).Visit(query));

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

internal sealed class DigitalOceanQueryTranslationPreprocessorFactory(QueryTranslationPreprocessorDependencies dependencies)
    : IQueryTranslationPreprocessorFactory
{
    public QueryTranslationPreprocessor Create(QueryCompilationContext queryCompilationContext)
        => new DigitalOceanQueryTranslationPreprocessor(dependencies, (DigitalOceanQueryCompilationContext)queryCompilationContext);
}
