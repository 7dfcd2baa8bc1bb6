using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     A query over several sets (a join, or a subquery over another set in a predicate), translated as a whole: each set's
///     query (<see cref="Sources" />) runs once with its own push-down, then <see cref="Combine" /> runs over the collected
///     sets with LINQ to Objects.
/// </summary>
internal sealed class CrossSetQueryExpression(
    IReadOnlyList<CrossSetSource> sources,
    Delegate combine,
    Type elementType,
    IReadOnlyList<string> operations)
    : Expression, IPrintableExpression
{
    public IReadOnlyList<CrossSetSource> Sources { get; } = sources;

    /// <summary>A <c>Func&lt;QueryContext, IReadOnlyList&lt;object&gt;, IEnumerable&lt;T&gt;&gt;</c> over the collected sets.</summary>
    public Delegate Combine { get; } = combine;

    public Type ElementType { get; } = elementType;

    /// <summary>The operators that combine the sets, for <c>ToQueryString()</c>.</summary>
    public IReadOnlyList<string> Operations { get; } = operations;

    public override Type Type => typeof(IEnumerable<>).MakeGenericType(ElementType);

    public override ExpressionType NodeType => ExpressionType.Extension;

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public void Print(ExpressionPrinter expressionPrinter)
        => expressionPrinter.Append($"{Sources.Count} sets, combined in memory by {string.Join(", ", Operations)}");
}
