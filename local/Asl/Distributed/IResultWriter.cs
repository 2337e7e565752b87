using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Stores a Map Run's results (S3 in AWS) and returns the <c>ResultWriterDetails</c> object that becomes part of the
/// Map state's result. Throw <see cref="StatesErrorException"/> with States.ResultWriterFailed on failure.
/// </summary>
public interface IResultWriter
{
    /// <summary>Writes the results; returns e.g. <c>{"Bucket": b, "Key": "prefix/uuid/manifest.json"}</c>.</summary>
    ValueTask<JsonNode?> WriteAsync(ResultWriterRequest request, CancellationToken cancellationToken);
}
