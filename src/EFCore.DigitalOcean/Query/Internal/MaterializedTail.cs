using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     The part of a query that runs over materialized results with LINQ to Objects: GroupBy, SelectMany and whatever follows
///     them. Rows are filtered before they become entities (see <see cref="RowOperators" />); operators that need whole
///     objects start this tail, so every item that reaches it is materialized (and tracked, in a tracking query).
/// </summary>
internal sealed class MaterializedTail
{
    private readonly List<string> _operations = [];

    public MaterializedTail(Expression inputShaper)
    {
        InputShaper = inputShaper;
        Source = Expression.Parameter(typeof(IEnumerable<>).MakeGenericType(inputShaper.Type), "materialized");
        Body = Source;
    }

    /// <summary>Materializes one row into the tail's input element.</summary>
    public Expression InputShaper { get; }

    /// <summary>The materialized results; the root of <see cref="Body" />.</summary>
    public ParameterExpression Source { get; }

    /// <summary>LINQ to Objects calls over <see cref="Source" />, always a sequence (a scalar result is a one-element array).</summary>
    public Expression Body { get; private set; }

    public IReadOnlyList<string> Operations => _operations;

    public Type ElementType => Body.Type.IsArray ? Body.Type.GetElementType()! : Body.Type.GetGenericArguments()[0];

    /// <summary>Appends the LINQ to Objects form of a queryable operator; false when there is none.</summary>
    public bool TryApply(MethodCallExpression queryableCall, string description)
    {
        var arguments = queryableCall.Arguments.Skip(1).Select(Rewrite).Prepend(Body).ToArray();
        if (QueryableToEnumerable.Call(queryableCall.Method, arguments) is not { } call)
        {
            return false;
        }

        Body = IsSequence(call.Type) ? call : Expression.NewArrayInit(call.Type, call);
        _operations.Add(description);
        return true;
    }

    private static bool IsSequence(Type type)
        => type != typeof(string) && type.IsGenericType && typeof(IEnumerable<>).MakeGenericType(type.GetGenericArguments()[0]).IsAssignableFrom(type);

    /// <summary>Makes an operator argument runnable over real objects: parameters are looked up, EF.Property becomes a member.</summary>
    private static Expression Rewrite(Expression argument)
        => new ObjectExpressionRewriter().Visit(QueryableToEnumerable.Unwrap(argument));

    private sealed class ObjectExpressionRewriter : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.TryGetEFPropertyArguments(out var instance, out var name) && instance is not null)
            {
                return Expression.Convert(Expression.PropertyOrField(Visit(instance), name), node.Type);
            }

            return node.Method.DeclaringType == typeof(Queryable) && QueryableToEnumerable.Rewrite(node) is var rewritten && rewritten != node
                ? Visit(rewritten)
                : base.VisitMethodCall(node);
        }

        protected override Expression VisitExtension(Expression node)
            => node is QueryParameterExpression parameter ? RowExpressionRewriter.ParameterValue(parameter) : base.VisitExtension(node);
    }
}
