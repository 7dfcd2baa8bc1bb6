using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Binds EF's materializer to rows: each <c>ValueBufferTryReadValue&lt;T&gt;(buffer, slot, property)</c> becomes
///     <c>row.Read&lt;T&gt;(slot)</c>, and the materialization context gets an empty buffer, since every read now goes to the row.
/// </summary>
internal sealed class RowReadBinder(ParameterExpression row) : ExpressionVisitor
{
    private static readonly ConstantExpression EmptyBuffer = Expression.Constant(ValueBuffer.Empty);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (!node.Method.IsGenericMethod
            || node.Method.GetGenericMethodDefinition() != ExpressionExtensions.ValueBufferTryReadValueMethod)
        {
            return base.VisitMethodCall(node);
        }

        // EF reads a key as object to look up the identity map: read it as its column's type and box it here, instead of
        // going through Array.GetValue.
        var slot = (int)((ConstantExpression)node.Arguments[1]).Value!;
        return node.Arguments[2] is ConstantExpression { Value: IPropertyBase { ClrType: var columnType } } && columnType != node.Type
            ? Expression.Convert(RowBufferExpression.Read(row, columnType, slot), node.Type)
            : RowBufferExpression.Read(row, node.Type, slot);
    }

    protected override Expression VisitExtension(Expression node)
        => node is RowBufferExpression ? EmptyBuffer : base.VisitExtension(node);
}
