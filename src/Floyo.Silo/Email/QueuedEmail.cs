using Floyo.Email;

namespace Floyo.Silo.Email;

/// <summary>A message claimed from the outbox for one delivery attempt (<see cref="Attempts"/> counts this one).</summary>
public sealed record QueuedEmail(long Id, OutgoingEmail Email, int Attempts);
