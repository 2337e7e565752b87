using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>An <see cref="IResultWriter"/> that keeps every write in memory, for tests.</summary>
public sealed class InMemoryResultWriter : IResultWriter
{
    private readonly ConcurrentQueue<ResultWriterRequest> _writes = new();

    /// <summary>Every write so far, in order.</summary>
    public IReadOnlyList<ResultWriterRequest> Writes => [.. _writes];

    /// <inheritdoc/>
    public ValueTask<JsonNode?> WriteAsync(ResultWriterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _writes.Enqueue(request);
        var bucket = request.Arguments?["Bucket"]?.GetValue<string>() ?? string.Empty;
        var prefix = request.Arguments?["Prefix"]?.GetValue<string>();
        var runId = request.MapRunArn[(request.MapRunArn.LastIndexOf(':') + 1)..];
        var key = string.IsNullOrEmpty(prefix) ? $"{runId}/manifest.json" : $"{prefix.TrimEnd('/')}/{runId}/manifest.json";
        return ValueTask.FromResult<JsonNode?>(new JsonObject { ["Bucket"] = bucket, ["Key"] = key });
    }
}
