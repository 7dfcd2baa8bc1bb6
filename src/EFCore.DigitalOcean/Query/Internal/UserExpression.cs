using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Turns EF's internal form of an expression back into what the user wrote, for <c>ToQueryString()</c> and warnings:
///     <c>EF.Property&lt;IReadOnlyList&lt;string&gt;&gt;(i, "Tags").AsQueryable().Contains("prod")</c> reads
///     <c>i.Tags.Contains("prod")</c> again, and parameters get their display names (<see cref="ParameterDisplayNames" />).
///     Only for display: the expression that runs is not changed.
/// </summary>
internal sealed class UserExpression(ParameterDisplayNames names) : ExpressionVisitor
{
    public static Expression Of(Expression expression, ParameterDisplayNames names) => new UserExpression(names).Visit(expression);

    protected override Expression VisitExtension(Expression node)
        => node is QueryParameterExpression parameter
            ? new QueryParameterExpression(names.Display(parameter.Name), parameter.Type)
            : base.VisitExtension(node);

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
