using System.Linq.Expressions;
using System.Reflection;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     Rewrites <c>Queryable.X(list.AsQueryable(), x =&gt; ...)</c> into <c>Enumerable.X(list, x =&gt; ...)</c>. EF presents a
///     primitive collection such as <c>i.Tags</c> as a queryable subquery; evaluated in memory it is just a list, and LINQ to
///     Objects avoids compiling an expression tree per row.
/// </summary>
internal static class QueryableToEnumerable
{
    private static readonly ILookup<string, MethodInfo> EnumerableMethods
        = typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static).ToLookup(m => m.Name);

    public static Expression Rewrite(MethodCallExpression call)
        => Call(call.Method, call.Arguments.Select(Unwrap).ToArray()) ?? call;

    /// <summary>The LINQ to Objects call that does what <paramref name="queryableMethod" /> does, or null when there is none.</summary>
    public static MethodCallExpression? Call(MethodInfo queryableMethod, Expression[] arguments)
    {
        var genericArguments = queryableMethod.IsGenericMethod ? queryableMethod.GetGenericArguments() : [];
        foreach (var candidate in EnumerableMethods[queryableMethod.Name])
        {
            if (candidate.GetParameters().Length != arguments.Length
                || candidate.IsGenericMethodDefinition != queryableMethod.IsGenericMethod
                || (candidate.IsGenericMethodDefinition && candidate.GetGenericArguments().Length != genericArguments.Length))
            {
                continue;
            }

            var method = candidate.IsGenericMethodDefinition ? TryMakeGeneric(candidate, genericArguments) : candidate;
            if (method is not null
                && method.GetParameters().Zip(arguments).All(pair => pair.First.ParameterType.IsAssignableFrom(pair.Second.Type)))
            {
                return Expression.Call(method, arguments);
            }
        }

        return null;
    }

    public static Expression Unwrap(Expression argument)
        => argument switch
        {
            UnaryExpression { NodeType: ExpressionType.Quote } quote => quote.Operand,
            MethodCallExpression { Method.Name: nameof(Queryable.AsQueryable) } asQueryable
                when asQueryable.Method.DeclaringType == typeof(Queryable) => Unwrap(asQueryable.Arguments[0]),
            _ => argument
        };

    private static MethodInfo? TryMakeGeneric(MethodInfo definition, Type[] genericArguments)
    {
        try
        {
            return definition.MakeGenericMethod(genericArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
