using Floyo.Activity;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>Gives a string's id in one user's dictionary, interning it when it is new.</summary>
internal interface IStringIds
{
    int IdOf(string value);

    /// <summary>
    /// The event's stored context (<see cref="EventContext.Format"/>) with strings of this dictionary. Implementations
    /// may remember the last one: consecutive events of a user mostly share it.
    /// </summary>
    string? ContextOf(ActivityEvent e) => EventContext.Format(e, this);
}
