using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     ExecuteDelete or ExecuteUpdate over a resource query: list the matches with the query's own pushdown, then delete or
///     update each one. <see cref="Setters" /> is null for a delete; for an update it holds each property with the lambda
///     that computes its new value from a matching row.
/// </summary>
internal sealed class ResourceBulkWriteExpression(
    ResourceQueryExpression query,
    IReadOnlyList<(IProperty Property, LambdaExpression RowValue)>? setters)
    : Expression, IPrintableExpression
{
    public ResourceQueryExpression Query { get; } = query;

    public IReadOnlyList<(IProperty Property, LambdaExpression RowValue)>? Setters { get; } = setters;

    public override Type Type => typeof(int);

    public override ExpressionType NodeType => ExpressionType.Extension;

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append(Setters is null ? "ExecuteDelete " : $"ExecuteUpdate({string.Join(", ", Setters.Select(s => s.Property.Name))}) ");
        expressionPrinter.Visit(Query);
    }
}
