using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     AsTracking, AsNoTracking and AsNoTrackingWithIdentityResolution, which apply to a whole query wherever they stand: taken
///     out of a query over several sets and put on each set's own query.
/// </summary>
internal static class TrackingOperators
{
    private static readonly HashSet<MethodInfo> Operators =
    [
        .. typeof(EntityFrameworkQueryableExtensions).GetMethods()
            .Where(m => m.Name is nameof(EntityFrameworkQueryableExtensions.AsTracking)
                or nameof(EntityFrameworkQueryableExtensions.AsNoTracking)
                or nameof(EntityFrameworkQueryableExtensions.AsNoTrackingWithIdentityResolution)),
    ];

    /// <summary>The query without its tracking operators, and the first of them (with its arguments) to put back on each set.</summary>
    public static (MethodCallExpression? Operator, Expression Query) Strip(Expression query)
    {
        var stripper = new Stripper();
        var stripped = stripper.Visit(query);
        return (stripper.First, stripped);
    }

    public static Expression Apply(MethodCallExpression? trackingOperator, Expression setQuery)
    {
        if (trackingOperator is null)
        {
            return setQuery;
        }

        var elementType = SetSplitter.ElementType(setQuery.Type);
        var method = trackingOperator.Method.GetGenericMethodDefinition().MakeGenericMethod(elementType);
        return Expression.Call(method, [setQuery, .. trackingOperator.Arguments.Skip(1)]);
    }

    private sealed class Stripper : ExpressionVisitor
    {
        public MethodCallExpression? First { get; private set; }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.IsGenericMethod && Operators.Contains(node.Method.GetGenericMethodDefinition()))
            {
                First ??= node;
                return Visit(node.Arguments[0]);
            }

            return base.VisitMethodCall(node);
        }
    }
}
