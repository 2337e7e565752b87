namespace Etl.Workers;

/// <summary>Where the map run wrote its manifest: the Distributed Map's <c>ResultWriterDetails</c>, <c>{"Bucket","Key"}</c>.</summary>
public sealed record ResultWriterDetails(string? Bucket, string? Key);
