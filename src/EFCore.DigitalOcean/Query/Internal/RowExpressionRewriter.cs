using System.Linq.Expressions;
using System.Reflection;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Turns a LINQ lambda body over an entity into one over the entity's row: <c>i.Name</c> becomes a read of the name's
///     slot, a query parameter becomes a lookup in the running query's parameters. Instance calls on a value that may be
///     null (<c>i.Slug.StartsWith("u")</c> on an image without a slug) yield the default instead of throwing, as a database
///     would treat NULL.
/// </summary>
internal sealed class RowExpressionRewriter(bool keepWholeEntities) : ExpressionVisitor
{
    private static readonly PropertyInfo ParametersProperty = typeof(QueryContext).GetProperty(nameof(QueryContext.Parameters))!;

    private static readonly PropertyInfo ParameterIndexer
        = typeof(Dictionary<string, object?>).GetProperty("Item")!;

    /// <summary>Set when a whole entity is used where only its properties can be (in a filter or ordering).</summary>
    public bool UsedWholeEntity { get; private set; }

    /// <summary>Rewrites a filter or key body; <see langword="null" /> when it needs the whole entity.</summary>
    public static Expression? RewriteForRows(Expression body)
    {
        var rewriter = new RowExpressionRewriter(keepWholeEntities: false);
        var rewritten = rewriter.Visit(body);
        return rewriter.UsedWholeEntity ? null : rewritten;
    }

    /// <summary>Rewrites a projection: whole entities stay, for EF's materializer to build and track.</summary>
    public static Expression RewriteProjection(Expression body) => new RowExpressionRewriter(keepWholeEntities: true).Visit(body);

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is StructuralTypeShaperExpression shaper
            && ((IEntityType)shaper.StructuralType).FindProperty(node.Member) is { } property)
        {
            return ReadSlot(shaper, property);
        }

        var inner = Visit(node.Expression);
        return inner is not null && MayBeNullSlot(inner)
            ? NullSafe(inner, node.Update(inner))
            : node.Update(inner);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.TryGetEFPropertyArguments(out var source, out var propertyName)
            && source is StructuralTypeShaperExpression shaper
            && ((IEntityType)shaper.StructuralType).FindProperty(propertyName) is { } property)
        {
            return Expression.Convert(ReadSlot(shaper, property), node.Type);
        }

        // EF turns primitive collections (i.Tags) into queryables; over rows they are plain lists, so use LINQ to Objects.
        if (node.Method.DeclaringType == typeof(Queryable) && QueryableToEnumerable.Rewrite(node) is var rewritten && rewritten != node)
        {
            return Visit(rewritten);
        }

        var instance = Visit(node.Object);
        var call = node.Update(instance, Visit(node.Arguments));
        return instance is not null && MayBeNullSlot(instance) ? NullSafe(instance, call) : call;
    }

    protected override Expression VisitExtension(Expression node)
    {
        switch (node)
        {
            case QueryParameterExpression parameter:
                return ParameterValue(parameter);

            case StructuralTypeShaperExpression:
                UsedWholeEntity |= !keepWholeEntities;
                return node;

            default:
                return base.VisitExtension(node);
        }
    }

    /// <summary>The value of a query parameter in the running query.</summary>
    public static Expression ParameterValue(QueryParameterExpression parameter)
        => Expression.Convert(
            Expression.Property(
                Expression.Property(QueryCompilationContext.QueryContextParameter, ParametersProperty),
                ParameterIndexer,
                Expression.Constant(parameter.Name)),
            parameter.Type);

    private static Expression ReadSlot(StructuralTypeShaperExpression shaper, IProperty property)
        => RowBufferExpression.Read(((RowBufferExpression)shaper.ValueBufferExpression).Row, property.ClrType, property.GetIndex());

    private static bool MayBeNullSlot(Expression expression)
        => expression is MethodCallExpression { Method.IsGenericMethod: true } call
            && call.Method.GetGenericMethodDefinition() == ResourceRow.ReadMethod
            && (!expression.Type.IsValueType || Nullable.GetUnderlyingType(expression.Type) is not null);

    private static Expression NullSafe(Expression value, Expression access)
        => access.Type == typeof(void)
            ? access
            : Expression.Condition(
                Expression.Equal(value, Expression.Constant(null, value.Type)),
                Expression.Default(access.Type),
                access);
}
