using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Floyo.Silo.DataProtection;

/// <summary>The embedded default's key ring: in memory, so sessions end when the process does (nothing written to disk).</summary>
public sealed class InMemoryXmlRepository : IXmlRepository
{
    private readonly Lock gate = new();
    private readonly List<XElement> elements = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (gate)
        {
            return [.. elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (gate)
        {
            elements.Add(new XElement(element));
        }
    }
}
