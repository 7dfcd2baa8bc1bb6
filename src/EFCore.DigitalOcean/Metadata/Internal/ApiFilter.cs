namespace EFCore.DigitalOcean.Metadata.Internal;

/// <summary>
///     A list query parameter and the condition it answers: <c>tag_name=t</c> answers <c>i.Tags.Contains(t)</c>. When
///     <paramref name="Values" /> is given, the API accepts only those values: a constant outside them is not pushed at all, and
///     a parameter's value is known only when the query runs, so its condition is kept in memory too (it costs nothing when the
///     API already filtered, and it decides alone when the value could not be sent).
/// </summary>
internal sealed record ApiFilter(string Parameter, string Property, ApiFilterOperator Operator, IReadOnlyList<string>? Values = null)
{
    /// <summary>Whether a constant can be sent; a parameter always can, and is decided when the query runs.</summary>
    public bool CanSend(object? constant, bool isParameter)
        => isParameter || Values is null || (constant is string text && Values.Contains(text, StringComparer.Ordinal));

    /// <summary>Whether the condition must also run in memory, because the value may turn out to be one the API does not take.</summary>
    public bool KeepsConditionInMemory(bool isParameter) => isParameter && Values is not null;

    /// <summary>Decides what this execution's value does to the request; <paramref name="parameterValue" /> is what is sent.</summary>
    public ApiFilterValueKind Resolve(object? value, out string parameterValue)
    {
        parameterValue = value as string ?? "";
        if (Values is not null)
        {
            return Values.Contains(parameterValue, StringComparer.Ordinal) ? ApiFilterValueKind.Send : ApiFilterValueKind.InMemory;
        }

        // A null or empty value is never held by an item (the API has no empty tag), so nothing can match.
        return string.IsNullOrEmpty(parameterValue) ? ApiFilterValueKind.MatchesNothing : ApiFilterValueKind.Send;
    }
}
