using System.Linq.Expressions;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>Whether an expression uses a lambda parameter it does not declare itself: then it cannot run on its own.</summary>
internal sealed class FreeParameters : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _declared = [];
    private readonly IReadOnlySet<ParameterExpression> _allowed;
    private bool _found;

    private FreeParameters(IReadOnlySet<ParameterExpression> allowed) => _allowed = allowed;

    public static bool Any(Expression expression, params ParameterExpression[] allowed)
    {
        var finder = new FreeParameters(allowed.ToHashSet());
        finder.Visit(expression);
        return finder._found;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        foreach (var parameter in node.Parameters)
        {
            _declared.Add(parameter);
        }

        return base.VisitLambda(node);
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        _found |= !_declared.Contains(node) && !_allowed.Contains(node);
        return node;
    }

    protected override Expression VisitExtension(Expression node) => node.CanReduce ? base.VisitExtension(node) : node;
}
