using System.Linq.Expressions;
using EFCore.DigitalOcean.Storage.Internal;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Stands for the current <see cref="ResourceRow" /> where EF's materializer expects a <see cref="ValueBuffer" />. EF
///     builds its reads of property values on it; <see cref="RowReadBinder" /> then turns each read into a typed read of the
///     row, as the Cosmos provider does with its JSON objects, so no <see cref="ValueBuffer" /> is ever filled.
/// </summary>
internal sealed class RowBufferExpression(ParameterExpression row) : Expression, IPrintableExpression
{
    /// <summary>The row parameter of the query's row lambdas and of its shaper.</summary>
    public ParameterExpression Row { get; } = row;

    public override Type Type => typeof(ValueBuffer);

    public override ExpressionType NodeType => ExpressionType.Extension;

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append("RowBuffer(");
        expressionPrinter.Visit(Row);
        expressionPrinter.Append(")");
    }

    /// <summary>A typed read of <paramref name="slot" />: what a read of a property's value becomes.</summary>
    public static MethodCallExpression Read(ParameterExpression row, Type type, int slot)
        => Call(row, ResourceRow.ReadMethod.MakeGenericMethod(type), Constant(slot));
}
