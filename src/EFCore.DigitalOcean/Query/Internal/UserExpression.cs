using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Turns EF's internal form of an expression back into what the user wrote, for <c>ToQueryString()</c> and warnings:
///     <c>EF.Property&lt;IReadOnlyList&lt;string&gt;&gt;(i, "Tags").AsQueryable().Contains("prod")</c> reads
///     <c>i.Tags.Contains("prod")</c> again. Only for display: the expression that runs is not changed.
/// </summary>
internal sealed class UserExpression : ExpressionVisitor
{
    private static readonly UserExpression Instance = new();

    public static Expression Of(Expression expression) => Instance.Visit(expression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.TryGetEFPropertyArguments(out var instance, out var name)
            && instance is not null
            && instance.Type.GetProperty(name) is { } property)
        {
            return Expression.Property(Visit(instance), property);
        }

        // A primitive collection appears as a queryable subquery; the user wrote a call on the list.
        if (node.Method.DeclaringType == typeof(Queryable) && QueryableToEnumerable.Rewrite(node) is var rewritten && rewritten != node)
        {
            return Visit(rewritten);
        }

        return base.VisitMethodCall(node);
    }
}
