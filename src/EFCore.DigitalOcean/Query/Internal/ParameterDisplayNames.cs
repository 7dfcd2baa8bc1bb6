using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     The names <c>ToQueryString()</c> and the warnings give the query's parameters. EF names a parameter after what the
///     user's expression ended with: a captured variable keeps its name (<c>tag</c>), but <c>tags[0]</c> becomes
///     <c>get_Item</c> and <c>size.ToString()</c> becomes <c>ToString</c>. Those are named after the property they are
///     compared with instead (<c>@tag</c> for <c>i.Tags.Contains(tags[0])</c>, <c>@name</c> for <c>i.Name == o.ToString()</c>),
///     or stay <c>@p</c> when there is none. Only for display: the values are still looked up by EF's names.
/// </summary>
internal sealed class ParameterDisplayNames
{
    public static readonly ParameterDisplayNames None = new(new Dictionary<string, string>());

    private readonly IReadOnlyDictionary<string, string> _renamed;

    private ParameterDisplayNames(IReadOnlyDictionary<string, string> renamed) => _renamed = renamed;

    /// <summary>The display names for the parameters of <paramref name="query" />, the whole query as EF extracted it.</summary>
    public static ParameterDisplayNames For(Expression query)
    {
        var finder = new UseFinder();
        finder.Visit(query);

        var taken = new HashSet<string>(finder.Parameters.Where(IsUserName), StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in finder.Parameters.Where(n => !IsUserName(n)))
        {
            var wanted = finder.ComparedWith.GetValueOrDefault(name) ?? "p";
            var candidate = wanted;
            for (var suffix = 0; !taken.Add(candidate); suffix++)
            {
                candidate = wanted + suffix;
            }

            renamed[name] = candidate;
        }

        return new ParameterDisplayNames(renamed);
    }

    /// <summary>The name to show for EF's parameter <paramref name="name" />.</summary>
    public string Display(string name) => _renamed.GetValueOrDefault(name, name);

    /// <summary>
    ///     A variable or field the user captured: EF keeps its name. A method's name (<c>get_Item</c>, <c>ToString</c>) starts
    ///     with a capital or holds an underscore, and what EF cannot name (<c>tags[0]</c> on an array) is <c>p</c>, numbered
    ///     when repeated (<c>p0</c>), as a repeated user name is (<c>tag0</c>).
    /// </summary>
    private static bool IsUserName(string name)
        => name.Length > 0 && char.IsLower(name[0]) && !name.Contains('_') && !(name[0] == 'p' && name.Skip(1).All(char.IsAsciiDigit));

    /// <summary>What a property is called as a parameter: <c>Name</c> as <c>name</c>; one element of <c>Tags</c> as <c>tag</c>.</summary>
    private static string ParameterName(string propertyName, bool element)
    {
        var name = char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
        return element && name.Length > 1 && name.EndsWith('s') ? name[..^1] : name;
    }

    /// <summary>Collects the query's parameters and, for each, the first property it is compared with.</summary>
    private sealed class UseFinder : ExpressionVisitor
    {
        public List<string> Parameters { get; } = [];

        public Dictionary<string, string> ComparedWith { get; } = new(StringComparer.Ordinal);

        protected override Expression VisitExtension(Expression node)
        {
            switch (node)
            {
                case QueryParameterExpression parameter:
                    Add(parameter.Name);
                    return node;
                case ParameterQueryRootExpression root:
                    Add(root.QueryParameterExpression.Name);
                    return node;
                default:
                    return base.VisitExtension(node);
            }
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            Pair(node.Left, node.Right, element: false);
            Pair(node.Right, node.Left, element: false);
            return base.VisitBinary(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            // i.Name.StartsWith(p), i.Tags.Contains(p) and Queryable/Enumerable.Contains(i.Tags, p) alike.
            var target = node.Object ?? node.Arguments.FirstOrDefault();
            var arguments = node.Object is null ? node.Arguments.Skip(1) : node.Arguments;
            if (target is not null)
            {
                foreach (var argument in arguments)
                {
                    // An element of a list is named in the singular (tag of Tags); string.Contains takes a part of the string.
                    Pair(target, argument, element: node.Method.Name == nameof(Enumerable.Contains) && target.Type != typeof(string));
                }
            }

            return base.VisitMethodCall(node);
        }

        private void Pair(Expression property, Expression parameter, bool element)
        {
            if (ParameterOf(parameter) is { } name && PropertyOf(property) is { } propertyName)
            {
                ComparedWith.TryAdd(name, ParameterName(propertyName, element));
            }
        }

        private void Add(string name)
        {
            if (!Parameters.Contains(name))
            {
                Parameters.Add(name);
            }
        }

        private static string? ParameterOf(Expression expression)
            => Unwrap(expression) switch
            {
                QueryParameterExpression parameter => parameter.Name,
                ParameterQueryRootExpression root => root.QueryParameterExpression.Name,
                _ => null,
            };

        private static string? PropertyOf(Expression expression)
        {
            var unwrapped = Unwrap(expression);
            if (unwrapped is MethodCallExpression call)
            {
                if (call.TryGetEFPropertyArguments(out _, out var name))
                {
                    return name;
                }

                // A list property used as a queryable: i.Tags.AsQueryable().
                return call.Method.Name == nameof(Queryable.AsQueryable) ? PropertyOf(call.Arguments[0]) : null;
            }

            return unwrapped is MemberExpression { Expression: ParameterExpression } member ? member.Member.Name : null;
        }

        private static Expression Unwrap(Expression expression)
            => expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert
                ? Unwrap(convert.Operand)
                : expression;
    }
}
