namespace Floyo.Privacy;

/// <summary>
/// Every grain interface that keeps data about a user: the interfaces in Floyo.Abstractions deriving from
/// <see cref="IUserDataGrain"/>, found once by reflection, so a grain added later is erased and purged without
/// anyone remembering to list it. <see cref="Users.IUserGrain"/> comes first: erasing it stops keys and collection.
/// </summary>
public static class UserDataGrains
{
    public static IReadOnlyList<Type> Interfaces { get; } =
    [
        .. typeof(IUserDataGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && t != typeof(IUserDataGrain) && typeof(IUserDataGrain).IsAssignableFrom(t))
            .OrderBy(t => t == typeof(Users.IUserGrain) ? 0 : 1)
            .ThenBy(t => t.FullName, StringComparer.Ordinal),
    ];

    /// <summary>References to the user's grain of every such interface, in <see cref="Interfaces"/> order.</summary>
    public static IEnumerable<IUserDataGrain> For(IGrainFactory grains, Guid userId) =>
        Interfaces.Select(t => (IUserDataGrain)grains.GetGrain(t, userId));
}
