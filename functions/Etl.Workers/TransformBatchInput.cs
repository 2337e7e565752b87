namespace Etl.Workers;

/// <summary>
/// One Distributed Map batch as ItemBatcher builds it: <c>{"Items":[{"productId":"…",…}],"BatchInput":{…}}</c>. CSV
/// rows arrive as objects of strings keyed by the header row.
/// </summary>
public sealed record TransformBatchInput(IReadOnlyList<IReadOnlyDictionary<string, string?>?>? Items);
