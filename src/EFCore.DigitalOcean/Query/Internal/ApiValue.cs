using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     A value that goes into a request: a constant of the query, or a query parameter whose value is known only when the
///     query runs. Keeping the parameter's name (not its value) is what lets a compiled query be reused with new values.
/// </summary>
internal readonly record struct ApiValue(object? Constant, string? ParameterName)
{
    /// <summary>Recognizes a constant or a parameter, looking through conversions such as int to long.</summary>
    public static ApiValue? From(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression switch
        {
            ConstantExpression constant => new ApiValue(constant.Value, null),
            QueryParameterExpression parameter => new ApiValue(null, parameter.Name),
            _ => null
        };
    }

    public object? Resolve(QueryContext queryContext)
        => ParameterName is null ? Constant : queryContext.Parameters[ParameterName];

    public long? ResolveInt64(QueryContext queryContext)
        => Resolve(queryContext) is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    public string? ResolveString(QueryContext queryContext) => Resolve(queryContext) as string;

    public override string ToString() => ParameterName is null ? $"{Constant}" : "@" + ParameterName;
}
