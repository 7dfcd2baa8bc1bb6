using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Finds the conditions of a filter that the request can carry. <c>Id == x</c> and <c>Slug == s</c> become a point read
///     (without a scope operator, which the single-item endpoint cannot honour); <c>Tags.Contains(t)</c> becomes the tag
///     filter (also only without a scope: the API does not promise that filters combine); <c>ids.Contains(i.Id)</c> with a
///     local list becomes one point read per id. A point read keeps its condition in memory too: the id-or-slug path segment
///     is ambiguous (a slug "123" reads image 123), and a long id list falls back to a listing at run time.
/// </summary>
internal sealed class FilterPushdown(ResourceQueryExpression query)
{
    /// <summary>Pushes what it can and returns the conditions left for memory, or null when none are left.</summary>
    public Expression? Apply(Expression predicate)
    {
        var conjuncts = Split(predicate);
        var remaining = new List<Expression>();

        if (query.Scope is null && !query.IsPointRead)
        {
            foreach (var conjunct in conjuncts)
            {
                if (TryMatchPointRead(conjunct))
                {
                    break;
                }
            }

            // A tag pushed by an earlier Where yields to the point read and is checked in memory instead.
            if (query.IsPointRead && query.Tag is not null)
            {
                remaining.Add(query.TagCondition!);
                query.PushTag(null, null);
            }
        }

        foreach (var conjunct in conjuncts)
        {
            if (query.Scope is null && !query.IsPointRead && query.Tag is null && MatchTag(conjunct) is { } tag)
            {
                query.PushTag(tag, conjunct);
                continue;
            }

            remaining.Add(conjunct);
        }

        return remaining.Count == 0 ? null : remaining.Aggregate(Expression.AndAlso);
    }

    private static List<Expression> Split(Expression predicate)
        => predicate is BinaryExpression { NodeType: ExpressionType.AndAlso } and
            ? [.. Split(and.Left), .. Split(and.Right)]
            : [predicate];

    private bool TryMatchPointRead(Expression conjunct)
    {
        if (conjunct is MethodCallExpression { Method.Name: nameof(Enumerable.Contains), Object: null, Arguments: [var ids, var key] }
            && PropertyName(key) == query.Resource.KeyProperty
            && ids is QueryParameterExpression or ConstantExpression
            && ApiValue.From(ids) is { } idList)
        {
            query.PushPointReads(idList);
            return true;
        }

        if (conjunct is not BinaryExpression { NodeType: ExpressionType.Equal } equal)
        {
            return false;
        }

        var (property, value) = PropertyName(equal.Left) is { } left
            ? (left, equal.Right)
            : (PropertyName(equal.Right), equal.Left);

        if (ApiValue.From(value) is not { } apiValue || (apiValue.ParameterName is null && apiValue.Constant is null))
        {
            return false;
        }

        if (property == query.Resource.KeyProperty)
        {
            query.PushPointRead(apiValue, null);
            return true;
        }

        if (property is not null && property == query.Resource.AlternateKeyProperty)
        {
            query.PushPointRead(null, apiValue);
            return true;
        }

        return false;
    }

    private ApiValue? MatchTag(Expression conjunct)
    {
        if (conjunct is MethodCallExpression { Method.DeclaringType: var declaringType } queryableCall && declaringType == typeof(Queryable))
        {
            conjunct = QueryableToEnumerable.Rewrite(queryableCall);
        }

        var (collection, item) = conjunct switch
        {
            MethodCallExpression { Method.Name: nameof(Enumerable.Contains), Object: null, Arguments: [var c, var i] } => (c, i),
            MethodCallExpression { Method.Name: nameof(List<>.Contains), Object: { } c, Arguments: [var i] } => (c, i),
            _ => (null, null)
        };

        return collection is not null
            && PropertyName(collection) == query.Resource.TagFilter.Property
            && ApiValue.From(item!) is { } tag
            && (tag.ParameterName is not null || tag.Constant is string)
                ? tag
                : null;
    }

    private static string? PropertyName(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            expression = convert.Operand;
        }

        return expression switch
        {
            MemberExpression { Expression: StructuralTypeShaperExpression } member => member.Member.Name,
            MethodCallExpression call when call.TryGetEFPropertyArguments(out var source, out var name)
                && source is StructuralTypeShaperExpression => name,
            _ => null
        };
    }
}
