using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Makes what combines the sets of a query runnable in memory: each set's placeholder becomes its collected results, each
///     queryable operator its LINQ to Objects form, and each query parameter a read of the running query's value.
/// </summary>
internal sealed class CombinationRewriter(IReadOnlyDictionary<ParameterExpression, Expression> sets) : ExpressionVisitor
{
    private readonly List<string> _operations = [];

    /// <summary>The operators that combine the sets, innermost first.</summary>
    public IReadOnlyList<string> Operations => _operations;

    protected override Expression VisitParameter(ParameterExpression node) => sets.TryGetValue(node, out var set) ? set : node;

    protected override Expression VisitExtension(Expression node)
        => node is QueryParameterExpression parameter ? RowExpressionRewriter.ParameterValue(parameter) : base.VisitExtension(node);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(Queryable))
        {
            return base.VisitMethodCall(node);
        }

        var arguments = node.Arguments.Select(a => Visit(QueryableToEnumerable.Unwrap(a))).ToArray();
        var call = QueryableToEnumerable.Call(node.Method, arguments)
            ?? throw new InvalidOperationException(DigitalOceanStrings.OperatorNotSupported(node.Method.Name));
        _operations.Add(node.Method.Name);
        return call;
    }
}
