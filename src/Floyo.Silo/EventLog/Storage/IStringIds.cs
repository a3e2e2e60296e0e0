namespace Floyo.Silo.EventLog.Storage;

/// <summary>Gives a string's id in one user's dictionary, interning it when it is new.</summary>
internal interface IStringIds
{
    int IdOf(string value);
}
