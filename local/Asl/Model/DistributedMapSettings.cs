using System.Text.Json.Nodes;

namespace Asl;

/// <summary>The Distributed-Map-only fields of a Map state, compiled.</summary>
internal sealed record DistributedMapSettings
{
    public StateMachineType ExecutionType { get; init; }

    public string? Label { get; init; }

    public FieldValue? ToleratedFailureCount { get; init; }

    public FieldValue? ToleratedFailurePercentage { get; init; }

    public bool HasBatcher { get; init; }

    public FieldValue? MaxItemsPerBatch { get; init; }

    public FieldValue? MaxInputBytesPerBatch { get; init; }

    public ItemSelector? BatchInput { get; init; }

    public string? ReaderResource { get; init; }

    public JsonNode? ReaderConfig { get; init; }

    public ItemSelector? ReaderArguments { get; init; }

    public string? WriterResource { get; init; }

    public ItemSelector? WriterArguments { get; init; }
}
