using System.Text.Json;

namespace EFCore.DigitalOcean.Testing.Internal;

/// <summary>How one kind of API object is written, and under which keys its envelopes hold it.</summary>
/// <param name="singleKey">The key of a one-object answer, e.g. <c>image</c>.</param>
/// <param name="listKey">The key of a list answer, e.g. <c>images</c>.</param>
internal abstract class ObjectJson<T>(string singleKey, string listKey)
{
    public string SingleKey { get; } = singleKey;

    public string ListKey { get; } = listKey;

    /// <summary>
    /// An object for faults to break when there is no real one: an empty list page, or an item that
    /// does not exist.
    /// </summary>
    public abstract T Placeholder { get; }

    /// <param name="writer">Where to write.</param>
    /// <param name="item">The object.</param>
    /// <param name="brokenKey">Write the object's key with the wrong JSON type, for <see cref="FaultKind.WrongFieldType"/>.</param>
    public abstract void Write(Utf8JsonWriter writer, T item, bool brokenKey);
}
