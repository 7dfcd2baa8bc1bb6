using System.Linq.Expressions;
using EFCore.DigitalOcean.Metadata.Internal;

namespace EFCore.DigitalOcean.Query.Internal;

/// <summary>
///     A list filter the request carries: the filter, its value, the condition of the query it stands for, and whether that
///     condition also runs in memory.
/// </summary>
internal sealed record PushedFilter(ApiFilter Filter, ApiValue Value, Expression Condition)
{
    public bool ConditionInMemory => Filter.KeepsConditionInMemory(Value.ParameterName is not null);
}
