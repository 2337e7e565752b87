namespace Asl;

/// <summary>How an <see cref="AslEngine"/> is wired: time, task work, Distributed Map I/O, identity and randomness.</summary>
public sealed record AslEngineOptions
{
    /// <summary>The time source; a <see cref="VirtualClock"/> for tests, <see cref="RealClock"/> for serving.</summary>
    public IClock Clock { get; init; } = RealClock.FromEnvironment();

    /// <summary>Runs every Task state.</summary>
    public ITaskHandler TaskHandler { get; init; } = new TaskHandlerRegistry();

    /// <summary>Reads Distributed Map items for ItemReader.</summary>
    public IItemReader ItemReader { get; init; } = new InMemoryItemReader();

    /// <summary>Writes Distributed Map results for ResultWriter.</summary>
    public IResultWriter ResultWriter { get; init; } = new InMemoryResultWriter();

    /// <summary>Seed for jitter (JitterStrategy FULL) and random intrinsics; null for a random seed.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>The region used in ARNs and history.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account used in ARNs.</summary>
    public string AccountId { get; init; } = "123456789012";
}
