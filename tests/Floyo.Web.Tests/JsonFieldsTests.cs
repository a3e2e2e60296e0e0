using System.Text.Json;
using Floyo.Web.Apis;

namespace Floyo.Web.Tests;

/// <summary>The one-pass field index reads what <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> found.</summary>
public sealed class JsonFieldsTests : IDisposable
{
    private static readonly JsonFieldSet Names = new();
    private static readonly JsonField Entity = Names.Add("entity");
    private static readonly JsonField Lines = Names.Add("lines");
    private static readonly JsonField Flag = Names.Add("flag");
    private static readonly JsonField When = Names.Add("when");
    private static readonly JsonField Tags = Names.Add("tags");
    private static readonly JsonField Id = Names.Add("id", uniqueValues: true);
    private static readonly JsonField Accented = Names.Add("caf\u00e9");

    private readonly List<IDisposable> batches = [];

    [Theory]
    [InlineData("""{"entity":"a.cs"}""")]
    [InlineData("""{"\u0065ntity":"escaped.cs"}""")]
    [InlineData("""{"\u0065\u006e\u0074\u0069\u0074\u0079":"all-escaped.cs","lines":1}""")]
    [InlineData("""{"entity":"first.cs","entity":"last.cs"}""")]
    [InlineData("""{"entity":"first.cs","\u0065ntity":"escaped-last.cs"}""")]
    [InlineData("""{"\u0065ntity":"escaped-first.cs","entity":"plain-last.cs"}""")]
    [InlineData("""{"entity":"a.cs","entity":null}""")]
    [InlineData("""{"entity":null,"entity":"a.cs"}""")]
    [InlineData("""{"Entity":"case.cs","entit":"short.cs","entityx":"long.cs"}""")]
    [InlineData("""{"caf\u00e9":1,"café":2}""")]
    [InlineData("""{"café":2,"unknown":{"entity":"nested.cs"},"lines":[1,2]}""")]
    [InlineData("""{}""")]
    public void Load_WithAnyObject_FindsWhatTryGetPropertyFinds(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var fields = new JsonFields(Names, lenient: false);

        fields.Load(document.RootElement);

        foreach (var field in new[] { Entity, Lines, Flag, When, Tags, Id, Accented })
        {
            var expected = document.RootElement.TryGetProperty(field.Name, out var value) ? value.GetRawText() : null;
            var actual = fields.Raw(field).ValueKind == JsonValueKind.Undefined ? null : fields.Raw(field).GetRawText();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void String_WhenNameIsRepeated_ReadsTheLastValue()
    {
        var fields = Loaded("""{"entity":"first.cs","lines":1,"entity":"last.cs"}""");

        Assert.Equal("last.cs", fields.String(Entity));
    }

    [Fact]
    public void String_WhenNameIsEscaped_MatchesTheUnescapedName()
    {
        var fields = Loaded("""{"\u0065ntity":"a.cs","caf\u00e9":"x"}""");

        Assert.Equal("a.cs", fields.String(Entity));
        Assert.Equal("x", fields.String(Accented));
    }

    [Fact]
    public void Accessors_WhenValueIsNullOrAbsent_ReturnNull()
    {
        var fields = Loaded("""{"entity":null,"lines":null,"flag":null,"when":null,"tags":null}""");

        Assert.Null(fields.String(Entity));
        Assert.Null(fields.Int(Lines));
        Assert.Null(fields.Bool(Flag));
        Assert.Null(fields.Timestamp(When));
        Assert.Null(fields.Strings(Tags));
        Assert.Null(fields.String(Id));
        Assert.False(fields.HasAny([Entity, Lines, Flag, When, Tags, Id]));
        Assert.Equal(JsonValueKind.Null, fields.Raw(Entity).ValueKind);
        Assert.Equal(JsonValueKind.Undefined, fields.Raw(Id).ValueKind);
        Assert.Equal("entity", Assert.Throws<FieldException>(() => fields.Required(Entity)).Field);
    }

    [Fact]
    public void Load_OfTheNextObject_ForgetsThePreviousOne()
    {
        using var document = JsonDocument.Parse("""[{"entity":"a.cs","lines":3},{"flag":true}]""");
        using var fields = new JsonFields(Names, lenient: false);

        fields.Load(document.RootElement[0]);
        fields.Load(document.RootElement[1]);

        Assert.Null(fields.String(Entity));
        Assert.Null(fields.Int(Lines));
        Assert.True(fields.Bool(Flag));
        Assert.True(fields.HasAny([Entity, Flag]));
    }

    [Theory]
    [InlineData("""{"entity":42}""", "entity", "Must be a string, not number.")]
    [InlineData("""{"entity":["a"]}""", "entity", "Must be a string, not array.")]
    [InlineData("""{"lines":"12"}""", "lines", "Must be a number, not string.")]
    [InlineData("""{"lines":1e300}""", "lines", "Is out of range.")]
    [InlineData("""{"flag":"true"}""", "flag", "Must be true or false, not string.")]
    [InlineData("""{"flag":1}""", "flag", "Must be true or false, not number.")]
    [InlineData("""{"when":"yesterday-ish"}""", "when", "Must be an ISO 8601 date-time (e.g. 2026-11-26T10:00:00Z) or Unix seconds.")]
    [InlineData("""{"when":"1700000000"}""", "when", "Must be an ISO 8601 date-time (e.g. 2026-11-26T10:00:00Z) or Unix seconds.")]
    [InlineData("""{"when":"2026-02-29T10:00:00.0000000Z"}""", "when", "Must be an ISO 8601 date-time (e.g. 2026-11-26T10:00:00Z) or Unix seconds.")]
    [InlineData("""{"when":"2026-11-26T24:00:00.0000000Z"}""", "when", "Must be an ISO 8601 date-time (e.g. 2026-11-26T10:00:00Z) or Unix seconds.")]
    [InlineData("""{"when":true}""", "when", "Must be an ISO 8601 date-time (e.g. 2026-11-26T10:00:00Z) or Unix seconds.")]
    [InlineData("""{"tags":{}}""", "tags", "Must be an array of strings, not object.")]
    [InlineData("""{"tags":["a",1]}""", "tags", "Must contain only strings.")]
    public void Accessors_WithWrongTypeInStrictMode_ThrowTheFieldError(string json, string field, string message)
    {
        var fields = Loaded(json);

        var error = Assert.Throws<FieldException>(() => Read(fields, field));

        Assert.Equal((field, message), (error.Field, error.Message));
    }

    [Fact]
    public void Accessors_InLenientMode_AcceptStringNumbersAndBooleans()
    {
        var fields = Loaded("""{"entity":12.50,"lines":" 12.9 ","flag":"True","when":"1700000000.5","id":7}""", lenient: true);

        Assert.Equal("12.50", fields.String(Entity));
        Assert.Equal("7", fields.String(Id));
        Assert.Equal(12, fields.Int(Lines));
        Assert.True(fields.Bool(Flag));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), fields.Timestamp(When));
        Assert.Null(Loaded("""{"lines":"  "}""", lenient: true).Int(Lines));
        Assert.False(Loaded("""{"flag":0}""", lenient: true).Bool(Flag));
        Assert.Equal("flag", Assert.Throws<FieldException>(() => Loaded("""{"flag":2}""", lenient: true).Bool(Flag)).Field);
        Assert.Equal("lines", Assert.Throws<FieldException>(() => Loaded("""{"lines":"twelve"}""", lenient: true).Int(Lines)).Field);
    }

    [Theory]
    [InlineData("2026-11-26T10:00:00Z")]
    [InlineData("2026-11-26T10:00:00.1234567Z")]
    [InlineData("2024-02-29T23:59:59.9999999Z")]
    [InlineData("0001-01-01T00:00:00.0000000Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("2026-11-26t10:00:00.1234567Z")]
    [InlineData("2026-11-26T10:00:00.1234567z")]
    [InlineData("2026-11-26T10:00:00.123Z")]
    [InlineData("2026-11-26T10:00:00")]
    [InlineData("2026-11-26T12:00:00.1234567+02:00")]
    [InlineData("2026-11-26T10:00:00\\u005a")]
    [InlineData("   2026-11-26T10:00:00Z                                                                          ")]
    public void Timestamp_WithIsoText_ParsesAsDateTimeOffsetTryParseWithUtcAssumed(string text)
    {
        var fields = Loaded($$"""{"when":"{{text}}"}""");
        var unescaped = JsonDocument.Parse($"\"{text}\"").RootElement.GetString()!;

        Assert.True(DateTimeOffset.TryParse(unescaped, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var expected));
        Assert.Equal(expected, fields.Timestamp(When));
        Assert.Equal(expected.Offset, fields.Timestamp(When)!.Value.Offset);
    }

    [Fact]
    public void Strings_WithEscapedElements_UnescapesThem()
    {
        var fields = Loaded("""{"tags":["a\u0062c","line\nbreak","\ud83d\ude00"]}""");

        Assert.Equal(["abc", "line\nbreak", "\U0001F600"], fields.Strings(Tags));
    }

    public void Dispose()
    {
        batches.Reverse();
        batches.ForEach(b => b.Dispose());
    }

    /// <summary>Fields loaded with the object; they and their document live until the test ends, like a batch.</summary>
    private JsonFields Loaded(string json, bool lenient = false)
    {
        var document = JsonDocument.Parse(json);
        var fields = new JsonFields(Names, lenient);
        batches.AddRange([document, fields]);
        fields.Load(document.RootElement);
        return fields;
    }

    private static object? Read(JsonFields fields, string field) => field switch
    {
        "entity" => fields.String(Entity),
        "lines" => fields.Int(Lines),
        "flag" => fields.Bool(Flag),
        "when" => fields.Timestamp(When),
        "tags" => fields.Strings(Tags),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
