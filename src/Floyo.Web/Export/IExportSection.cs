namespace Floyo.Web.Export;

/// <summary>
/// One part of a user's data export. Every registered section (<c>services.AddSingleton&lt;IExportSection, …&gt;()</c>)
/// appears in both formats, in registration order: in JSON as a property named <see cref="Name"/> (an object when
/// <see cref="SingleRow"/>, otherwise an array of objects), in the CSV zip as <c>{Name}.csv</c> with a header row.
/// Rows are produced lazily, so a section may stream millions of them; values are null, strings, booleans, numbers,
/// <see cref="Guid"/>s or <see cref="DateTimeOffset"/>s.
/// </summary>
public interface IExportSection
{
    /// <summary>camelCase; the JSON property and the CSV file name.</summary>
    string Name { get; }

    /// <summary>Column names, camelCase, in the order of each row's values.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>True when the section is one record (a profile) rather than a list.</summary>
    bool SingleRow { get; }

    /// <summary>The user's rows, each with one value per column.</summary>
    IAsyncEnumerable<object?[]> ReadAsync(Guid userId, CancellationToken cancellationToken);
}
