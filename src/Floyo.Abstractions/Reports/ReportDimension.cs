namespace Floyo.Reports;

/// <summary>What time can be broken down by.</summary>
[GenerateSerializer, Alias("floyo.ReportDimension")]
public enum ReportDimension
{
    Projects = 0,
    Languages = 1,
    Editors = 2,
    OperatingSystems = 3,
    Machines = 4,
    Categories = 5,
    Branches = 6,
    Dependencies = 7,
    Entities = 8,

    /// <summary>File extensions (lower case with the dot, or "(none)").</summary>
    Extensions = 9,
}
