using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>An <see cref="IItemReader"/> over items registered by bucket and key (or prefix), for tests.</summary>
public sealed class InMemoryItemReader : IItemReader
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), JsonNode?[]> _objects = new();

    /// <summary>Registers the items an ItemReader with these Bucket and Key (or Prefix) arguments reads.</summary>
    public InMemoryItemReader Add(string bucket, string key, IEnumerable<JsonNode?> items)
    {
        _objects[(bucket, key)] = [.. items];
        return this;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<JsonNode?>> ReadItemsAsync(ItemReaderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bucket = request.Arguments?["Bucket"]?.GetValue<string>() ?? string.Empty;
        var key = request.Arguments?["Key"]?.GetValue<string>() ?? request.Arguments?["Prefix"]?.GetValue<string>() ?? string.Empty;
        if (!_objects.TryGetValue((bucket, key), out var items))
        {
            throw new StatesErrorException(ErrorNames.ItemReaderFailed, $"No items registered for s3://{bucket}/{key}.");
        }

        var maxItems = request.ReaderConfig?["MaxItems"]?.GetValue<int>() ?? int.MaxValue;
        if (maxItems <= 0)
        {
            throw new StatesErrorException(ErrorNames.ItemReaderFailed, "field MaxItems must be positive");
        }

        IReadOnlyList<JsonNode?> result = [.. items.Take(maxItems).Select(i => i?.DeepClone())];
        return ValueTask.FromResult(result);
    }
}
