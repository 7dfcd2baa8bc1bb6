using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>Counts the sets a query expression reads: its entity query roots, inside lambdas too.</summary>
internal sealed class QueryRoots : ExpressionVisitor
{
    private int _count;

    public static int Count(Expression expression)
    {
        var counter = new QueryRoots();
        counter.Visit(expression);
        return counter._count;
    }

    protected override Expression VisitExtension(Expression node)
    {
        if (node is EntityQueryRootExpression)
        {
            _count++;
            return node;
        }

        return node is QueryParameterExpression ? node : base.VisitExtension(node);
    }
}
