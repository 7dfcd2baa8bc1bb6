using System.Linq.Expressions;
using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Finds the conditions of a filter that the request can carry, as the resource describes them. <c>Key == x</c> (and
///     <c>AlternateKey == s</c>) become a point read when the resource has one, without a scope operator, which the single-item
///     endpoint cannot honour; <c>keys.Contains(x.Key)</c> with a local list becomes one point read per key. A condition that a
///     list filter answers (<c>i.Tags.Contains(t)</c>, <c>s.ResourceType == "droplet"</c>) becomes that filter, as far as
///     <see cref="ResourceQueryExpression.CanPushFilter" /> allows. A point read keeps its condition in memory too: the
///     key-or-slug path segment is ambiguous (a slug "123" reads image 123), and a long key list falls back to a listing at run
///     time.
/// </summary>
internal sealed class FilterPushdown(ResourceQueryExpression query)
{
    private ApiResource Resource => query.Resource;

    /// <summary>Pushes what it can and returns the conditions left for memory, or null when none are left.</summary>
    public Expression? Apply(Expression predicate)
    {
        var conjuncts = Split(predicate);
        var remaining = new List<Expression>();

        // The parent's key is the path the items live under, so it goes into every request, a point read's too.
        if (Resource.ParentKeyProperty is { } parentKey && query.Parent is null)
        {
            foreach (var conjunct in conjuncts)
            {
                if (MatchEquality(conjunct) is var (property, value) && property == parentKey)
                {
                    query.PushParent(value);
                    conjuncts.Remove(conjunct);
                    break;
                }
            }

            if (conjuncts.Count == 0)
            {
                return null;
            }
        }

        if (query.Scope is null && !query.IsPointRead && Resource.Can(ApiCapabilities.GetByKey))
        {
            foreach (var conjunct in conjuncts)
            {
                if (TryMatchPointRead(conjunct))
                {
                    break;
                }
            }

            // Filters pushed by an earlier Where yield to the point read and are checked in memory instead.
            if (query.IsPointRead)
            {
                remaining.AddRange(query.RemoveFilters());
            }
        }

        foreach (var conjunct in conjuncts)
        {
            if (MatchFilter(conjunct) is var (filter, value)
                && filter.CanSend(value.Constant, value.ParameterName is not null)
                && query.CanPushFilter(filter)
                && !query.PushFilter(filter, value, conjunct).ConditionInMemory)
            {
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
        if (conjunct is MethodCallExpression { Method.Name: nameof(Enumerable.Contains), Object: null, Arguments: [var keys, var key] }
            && PropertyName(key) == Resource.KeyProperty
            && keys is QueryParameterExpression or ConstantExpression
            && ApiValue.From(keys) is { } keyList)
        {
            query.PushPointReads(keyList);
            return true;
        }

        if (MatchEquality(conjunct) is not var (property, value))
        {
            return false;
        }

        if (property == Resource.KeyProperty)
        {
            query.PushPointRead(value, null);
            return true;
        }

        if (property == Resource.AlternateKeyProperty)
        {
            query.PushPointRead(null, value);
            return true;
        }

        return false;
    }

    private (ApiFilter Filter, ApiValue Value)? MatchFilter(Expression conjunct)
    {
        foreach (var filter in Resource.Filters)
        {
            var match = filter.Operator == ApiFilterOperator.Contains ? MatchContains(conjunct) : MatchEquality(conjunct);
            if (match is var (property, value) && property == filter.Property && (value.ParameterName is not null || value.Constant is string))
            {
                return (filter, value);
            }
        }

        return null;
    }

    /// <summary><c>x.Property == value</c> or <c>value == x.Property</c>, with a constant or parameter value.</summary>
    private static (string Property, ApiValue Value)? MatchEquality(Expression conjunct)
    {
        if (conjunct is not BinaryExpression { NodeType: ExpressionType.Equal } equal)
        {
            return null;
        }

        var (property, value) = PropertyName(equal.Left) is { } left
            ? (left, equal.Right)
            : (PropertyName(equal.Right), equal.Left);

        return property is not null && ApiValue.From(value) is { } apiValue && (apiValue.ParameterName is not null || apiValue.Constant is not null)
            ? (property, apiValue)
            : null;
    }

    /// <summary><c>x.List.Contains(value)</c>, in any of the forms EF presents a primitive collection in.</summary>
    private static (string Property, ApiValue Value)? MatchContains(Expression conjunct)
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

        return collection is not null && PropertyName(collection) is { } property && ApiValue.From(item!) is { } value
            ? (property, value)
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
