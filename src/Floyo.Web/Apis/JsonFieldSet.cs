using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Floyo.Web.Apis;

/// <summary>
/// The property names one reader knows, each with a slot. <see cref="SlotOf"/> matches a property's name as UTF-8 bytes,
/// without allocating; a name written with JSON escapes (<c>"\u0065ntity"</c>) matches after unescaping, as
/// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> does. Fill a set with <see cref="Add"/> in static
/// initializers, before reading with it.
/// </summary>
public sealed class JsonFieldSet
{
    private readonly List<JsonField> fields = [];
    private JsonField[]?[] fieldsByLength = [];

    public int Count => fields.Count;

    /// <summary>Adds a field; <paramref name="uniqueValues"/> marks one whose values rarely repeat within a batch (ids).</summary>
    public JsonField Add(string name, bool uniqueValues = false)
    {
        if (fields.Exists(f => f.Name == name))
        {
            throw new ArgumentException($"The field '{name}' is already in the set.", nameof(name));
        }

        var field = new JsonField(name, fields.Count, uniqueValues);
        fields.Add(field);
        var length = field.Utf8Name.Length;
        if (length >= fieldsByLength.Length)
        {
            Array.Resize(ref fieldsByLength, length + 1);
        }

        fieldsByLength[length] = [.. fieldsByLength[length] ?? [], field];
        return field;
    }

    /// <summary>The slot of the property's name, or -1 when the set does not know it.</summary>
    public int SlotOf(JsonProperty property)
    {
        var name = JsonMarshal.GetRawUtf8PropertyName(property);
        if (name.Contains((byte)'\\'))
        {
            return SlotOfEscaped(property);
        }

        if (name.Length < fieldsByLength.Length && fieldsByLength[name.Length] is { } candidates)
        {
            foreach (var field in candidates)
            {
                if (name.SequenceEqual(field.Utf8Name))
                {
                    return field.Slot;
                }
            }
        }

        return -1;
    }

    private int SlotOfEscaped(JsonProperty property)
    {
        foreach (var field in fields)
        {
            if (property.NameEquals(field.Utf8Name))
            {
                return field.Slot;
            }
        }

        return -1;
    }
}

/// <summary>One property a <see cref="JsonFieldSet"/> knows: its JSON name, which is also the field named in errors.</summary>
public sealed class JsonField
{
    internal JsonField(string name, int slot, bool uniqueValues)
    {
        Name = name;
        Slot = slot;
        UniqueValues = uniqueValues;
        Utf8Name = Encoding.UTF8.GetBytes(name);
    }

    public string Name { get; }

    public int Slot { get; }

    /// <summary>Its string values are read as new strings, not through the batch's <see cref="JsonStringCache"/>.</summary>
    public bool UniqueValues { get; }

    internal byte[] Utf8Name { get; }
}
