namespace Floyo.Web.Export;

/// <summary>The two export formats: one JSON document, or a zip holding one CSV file per section.</summary>
public enum ExportFormat
{
    Json,
    Csv,
}
