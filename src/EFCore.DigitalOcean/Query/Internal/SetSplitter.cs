using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Replaces each largest part of a query that reads one set and depends on nothing outside itself with a placeholder for
///     its collected results. The same part twice is one set. A filter over a set whose condition is partly about that set
///     alone is split, so that its own part goes with the set (and into its request).
/// </summary>
internal sealed class SetSplitter : ExpressionVisitor
{
    private readonly List<(Expression Query, ParameterExpression Placeholder)> _sets = [];

    /// <summary>The element type of a set's query (or its placeholder).</summary>
    public static Type ElementType(Type queryType)
        => queryType.GetInterfaces().Append(queryType)
            .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryable<>))
            .GetGenericArguments()[0];

    /// <summary>Each set's own query and the placeholder that stands for its results in the combination.</summary>
    public IReadOnlyList<(Expression Query, ParameterExpression Placeholder)> Sets => _sets;

    public override Expression? Visit(Expression? node)
    {
        if (node is not null && IsSetQuery(node))
        {
            return Placeholder(node);
        }

        return node is MethodCallExpression call && SplitFilter(call) is { } split ? Visit(split) : base.Visit(node);
    }

    protected override Expression VisitExtension(Expression node) => node is QueryParameterExpression ? node : base.VisitExtension(node);

    private static bool IsSetQuery(Expression node)
        => node.Type.IsGenericType
            && typeof(IQueryable).IsAssignableFrom(node.Type)
            && QueryRoots.Count(node) == 1
            && !FreeParameters.Any(node);

    private ParameterExpression Placeholder(Expression query)
    {
        foreach (var (known, placeholder) in _sets)
        {
            if (ExpressionEqualityComparer.Instance.Equals(known, query))
            {
                return placeholder;
            }
        }

        // Typed as the query it stands for, so that the operators around it stay valid until they are rewritten for memory.
        var created = Expression.Parameter(query.Type, "set" + _sets.Count);
        _sets.Add((query, created));
        return created;
    }

    /// <summary>
    ///     <c>Where(set, x =&gt; own &amp;&amp; other)</c> as <c>Where(Where(set, x =&gt; own), x =&gt; other)</c>, where
    ///     <c>own</c> uses only <c>x</c> and reads no other set; null when there is nothing to split.
    /// </summary>
    private static MethodCallExpression? SplitFilter(MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Queryable)
            || call.Method.Name != nameof(Queryable.Where)
            || !IsSetQuery(call.Arguments[0])
            || QueryableToEnumerable.Unwrap(call.Arguments[1]) is not LambdaExpression { Parameters: [var item] } predicate)
        {
            return null;
        }

        var conjuncts = Conjuncts(predicate.Body);
        var own = conjuncts.Where(c => QueryRoots.Count(c) == 0 && !FreeParameters.Any(c, item)).ToList();
        if (own.Count == 0 || own.Count == conjuncts.Count)
        {
            return null;
        }

        var others = conjuncts.Except(own).ToList();
        var inner = Expression.Call(call.Method, call.Arguments[0], Expression.Quote(Expression.Lambda(own.Aggregate(Expression.AndAlso), item)));
        return Expression.Call(call.Method, inner, Expression.Quote(Expression.Lambda(others.Aggregate(Expression.AndAlso), item)));
    }

    private static List<Expression> Conjuncts(Expression predicate)
        => predicate is BinaryExpression { NodeType: ExpressionType.AndAlso } and
            ? [.. Conjuncts(and.Left), .. Conjuncts(and.Right)]
            : [predicate];
}
