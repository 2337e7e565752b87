using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Produces the items of a Distributed Map with an ItemReader (S3 objects, CSV/JSON/JSONL files, manifests).
/// Throw <see cref="StatesErrorException"/> with States.ItemReaderFailed for unreadable input.
/// </summary>
public interface IItemReader
{
    /// <summary>Reads every item (MaxItems already applied by the reader).</summary>
    ValueTask<IReadOnlyList<JsonNode?>> ReadItemsAsync(ItemReaderRequest request, CancellationToken cancellationToken);
}
