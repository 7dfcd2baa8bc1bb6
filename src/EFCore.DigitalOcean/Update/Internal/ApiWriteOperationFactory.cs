using System.Globalization;
using System.Text.Json;
using EFCore.DigitalOcean.Metadata.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Update;

namespace EFCore.DigitalOcean.Update.Internal;

/// <summary>
///     Maps a change-tracker entry to the request that applies it, as a pure function: no I/O, so every entry is checked
///     before the first request is sent. An entry the API cannot apply yields a problem description instead.
/// </summary>
internal static class ApiWriteOperationFactory
{
    public static ApiWriteOperation Create(IUpdateEntry entry, ApiResource resource, List<string> problems)
    {
        var kind = entry.EntityState switch
        {
            EntityState.Added => ApiWriteKind.Create,
            EntityState.Modified => ApiWriteKind.Update,
            EntityState.Deleted => ApiWriteKind.Delete,
            _ => throw new InvalidOperationException($"Unexpected entry state {entry.EntityState}.")
        };

        // An update the resource cannot take is refused property by property, below; a create or delete as a whole.
        if (kind != ApiWriteKind.Update && !resource.Can(kind == ApiWriteKind.Create ? ApiCapabilities.Create : ApiCapabilities.Delete))
        {
            var item = Describe(entry, resource);
            var entityType = resource.ClrType.Name;
            problems.Add(
                kind == ApiWriteKind.Create
                    ? DigitalOceanStrings.CannotCreate(item, entityType)
                    : DigitalOceanStrings.CannotRemove(item, entityType));
        }

        var keySegment = kind == ApiWriteKind.Create
            ? null
            : ApiResource.KeySegment(entry.GetOriginalValue(entry.EntityType.FindProperty(resource.KeyProperty)!)!);
        var body = kind switch
        {
            ApiWriteKind.Create => CreateBody(entry, resource, problems),
            ApiWriteKind.Update => UpdateBody(entry, resource, problems),
            _ => null
        };
        return new ApiWriteOperation(entry, resource, kind, keySegment, body);
    }

    /// <summary>Writes the JSON body of an update from property values; shared by SaveChanges and ExecuteUpdate.</summary>
    public static string Body(IEnumerable<(IProperty Property, object? Value)> values)
        => JsonBodyWriter.Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var (property, value) in values)
            {
                WriteValue(writer, ApiResource.JsonName(property.Name), value);
            }

            writer.WriteEndObject();
        });

    private static string CreateBody(IUpdateEntry entry, ApiResource resource, List<string> problems)
    {
        var values = new List<(IProperty, object?)>();
        foreach (var name in resource.CreateRequired)
        {
            var property = entry.EntityType.FindProperty(name)!;
            var value = entry.GetCurrentValue(property);
            if (value is null || value is string text && string.IsNullOrWhiteSpace(text))
            {
                problems.Add(DigitalOceanStrings.RequiredToCreate(Describe(entry, resource), name));
            }

            values.Add((property, value));
        }

        foreach (var name in resource.CreateOptional)
        {
            var property = entry.EntityType.FindProperty(name)!;
            var value = entry.GetCurrentValue(property);

            // Unset fields are left out, never sent as JSON null.
            if (value is not null && value is not ICollection<string> { Count: 0 })
            {
                values.Add((property, value));
            }
        }

        RefuseIgnoredValues(entry, resource, problems);
        return Body(values);
    }

    /// <summary>
    ///     A value the create request cannot carry would be silently replaced by the server's (a type, a slug, an id of the
    ///     application's choosing): it is refused, as a change to it is refused on a tracked item.
    /// </summary>
    private static void RefuseIgnoredValues(IUpdateEntry entry, ApiResource resource, List<string> problems)
    {
        foreach (var property in entry.EntityType.GetProperties())
        {
            if (resource.CreateRequired.Contains(property.Name) || resource.CreateOptional.Contains(property.Name)
                || (property.Name == resource.KeyProperty && entry.HasTemporaryValue(property)))
            {
                continue;
            }

            if (!IsUnset(entry.GetCurrentValue(property)))
            {
                problems.Add(DigitalOceanStrings.IgnoredOnCreate(
                    Describe(entry, resource), property.Name, [.. resource.CreateRequired, .. resource.CreateOptional]));
            }
        }
    }

    private static bool IsUnset(object? value)
        => value switch
        {
            null => true,
            string text => text.Length == 0,
            ICollection<string> list => list.Count == 0,
            _ => value.GetType().IsValueType && value.Equals(Activator.CreateInstance(value.GetType()))
        };

    private static string? UpdateBody(IUpdateEntry entry, ApiResource resource, List<string> problems)
    {
        var values = new List<(IProperty, object?)>();
        foreach (var property in entry.EntityType.GetProperties())
        {
            if (!entry.IsModified(property))
            {
                continue;
            }

            if (ApiChangeWriteFactory.IsChangeWrite(resource, property.Name))
            {
                continue;
            }

            if (!resource.Updatable.Contains(property.Name))
            {
                problems.Add(DigitalOceanStrings.CannotChange(Describe(entry, resource), property.Name, resource.ClrType.Name, resource.Updatable));
                continue;
            }

            values.Add((property, entry.GetCurrentValue(property)));
        }

        // Nothing for the PUT when only actions and memberships carry the changes.
        return values.Count == 0 ? null : Body(values);
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case string text:
                writer.WriteString(name, text);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray(name);
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNumber(name, Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    public static string Describe(IUpdateEntry entry, ApiResource resource)
        => entry.EntityState == EntityState.Added
            ? $"The new {entry.EntityType.DisplayName()} '{entry.GetCurrentValue(entry.EntityType.FindProperty(resource.DisplayProperty)!)}'"
            : $"{entry.EntityType.DisplayName()} {entry.GetOriginalValue(entry.EntityType.FindPrimaryKey()!.Properties[0])}";
}
