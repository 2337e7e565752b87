using System.Text.Json.Serialization;

namespace Workers.Idempotency;

/// <summary>
/// Settings shared by the idempotent operations of a function: the store, the JSON context that knows the operations'
/// input, output and key types, and Powertools' options with Powertools' defaults.
/// </summary>
public sealed record IdempotencyOptions
{
    /// <summary>The persistence store; share one per process so its local cache is shared too.</summary>
    public required DynamoDBPersistenceStore Store { get; init; }

    /// <summary>Source-generated JSON context with type information for every input, output and key type used.</summary>
    public required JsonSerializerContext JsonContext { get; init; }

    /// <summary>How long a completed record replays; Powertools' default is one hour.</summary>
    public TimeSpan Expiration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Throw <see cref="IdempotencyKeyException"/> when the key is null or empty, instead of warning and hashing it.</summary>
    public bool ThrowOnNoIdempotencyKey { get; init; }

    /// <summary>First part of the default key prefix <c>&lt;function&gt;.&lt;method&gt;</c>; <c>AWS_LAMBDA_FUNCTION_NAME</c> or <c>testFunction</c>.</summary>
    public string FunctionName { get; init; } = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") is { Length: > 0 } name ? name : "testFunction";

    /// <summary>The clock for expiry decisions; tests pass a virtual one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>When true the operation just runs the handler; defaults to <c>POWERTOOLS_IDEMPOTENCY_DISABLED=true</c>.</summary>
    public bool Disabled { get; init; } = string.Equals(Environment.GetEnvironmentVariable("POWERTOOLS_IDEMPOTENCY_DISABLED"), "true", StringComparison.OrdinalIgnoreCase);
}
