using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Workers.Lambda;

namespace Workers.Idempotency;

/// <summary>
/// An operation that runs its handler at most once per idempotency key while the record lives, replaying the stored
/// response to duplicates; Powertools' control flow (reference: dotnet-lambda-contracts.md 1.6). Immutable: each
/// <c>With…</c> returns a new operation, so one instance can be built at start-up and shared by all invocations.
/// </summary>
/// <typeparam name="TIn">The event type.</typeparam>
/// <typeparam name="TOut">The response type, stored as JSON and replayed.</typeparam>
public sealed class IdempotentOperation<TIn, TOut>
{
    private const int MaxAttempts = 3;

    private readonly IdempotencyOptions _options;
    private readonly JsonTypeInfo<TOut> _outputInfo;
    private readonly Func<TIn, string?> _keyText;
    private readonly Func<TIn, string?>? _validationText;
    private readonly string? _methodName;
    private readonly string? _keyPrefix;

    internal IdempotentOperation(IdempotencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _outputInfo = TypeInfo<TOut>(options);
        _keyText = JsonText<TIn>(input => input);
    }

    private IdempotentOperation(
        IdempotentOperation<TIn, TOut> from,
        Func<TIn, string?>? keyText = null,
        Func<TIn, string?>? validationText = null,
        string? methodName = null,
        string? keyPrefix = null)
    {
        _options = from._options;
        _outputInfo = from._outputInfo;
        _keyText = keyText ?? from._keyText;
        _validationText = validationText ?? from._validationText;
        _methodName = methodName ?? from._methodName;
        _keyPrefix = keyPrefix ?? from._keyPrefix;
    }

    /// <summary>Keys on a string taken from the input, hashed as Powertools hashes a JSON string (its unquoted text).</summary>
    public IdempotentOperation<TIn, TOut> WithKey(Func<TIn, string?> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new(this, keyText: selector);
    }

    /// <summary>Keys on any value taken from the input (a number, an object, an array), hashed as its compact JSON.</summary>
    /// <exception cref="IdempotencyConfigurationException">The JSON context has no type information for <typeparamref name="TKey"/>.</exception>
    public IdempotentOperation<TIn, TOut> WithKey<TKey>(Func<TIn, TKey> selector) => new(this, keyText: JsonText(selector));

    /// <summary>
    /// Stores a hash of a string taken from the input with the record; a duplicate whose string differs gets
    /// <see cref="IdempotencyValidationException"/> instead of the replay.
    /// </summary>
    public IdempotentOperation<TIn, TOut> WithPayloadValidation(Func<TIn, string?> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new(this, validationText: selector);
    }

    /// <summary>Like <see cref="WithPayloadValidation(Func{TIn, string?})"/> for any value, hashed as its compact JSON.</summary>
    /// <exception cref="IdempotencyConfigurationException">The JSON context has no type information for <typeparamref name="TValue"/>.</exception>
    public IdempotentOperation<TIn, TOut> WithPayloadValidation<TValue>(Func<TIn, TValue> selector) =>
        new(this, validationText: JsonText(selector));

    /// <summary>Names the method in the default key prefix <c>&lt;function&gt;.&lt;method&gt;</c>; otherwise the caller's name is used.</summary>
    public IdempotentOperation<TIn, TOut> WithMethodName(string methodName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(methodName);
        return new(this, methodName: methodName);
    }

    /// <summary>Replaces the whole key prefix, giving keys <c>&lt;prefix&gt;#&lt;md5&gt;</c> (Powertools' KeyPrefix).</summary>
    public IdempotentOperation<TIn, TOut> WithKeyPrefix(string keyPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPrefix);
        return new(this, keyPrefix: keyPrefix);
    }

    /// <summary>
    /// Runs <paramref name="handler"/> unless a record for the input's key exists: a completed record replays its
    /// response, a running one gives <see cref="IdempotencyAlreadyInProgressException"/>. A handler exception deletes the
    /// record (so a retry runs again) and is rethrown as is.
    /// </summary>
    /// <param name="input">The event.</param>
    /// <param name="context">The invocation's context; its remaining time bounds how long the claim on the key blocks duplicates. Null: no in-progress expiry.</param>
    /// <param name="handler">The work to do once.</param>
    /// <param name="cancellationToken">Cancels the work and the store calls.</param>
    /// <param name="callerName">The default method name of the key prefix; filled in by the compiler.</param>
    /// <exception cref="IdempotencyAlreadyInProgressException">Another invocation with the same key is running.</exception>
    /// <exception cref="IdempotencyValidationException">The payload differs from the one stored for the key.</exception>
    /// <exception cref="IdempotencyKeyException">The key is missing and ThrowOnNoIdempotencyKey is set, or the selector failed.</exception>
    /// <exception cref="IdempotencyPersistenceLayerException">DynamoDB failed, or the stored response cannot be read.</exception>
    /// <exception cref="IdempotencyInconsistentStateException">The record stayed inconsistent over three attempts.</exception>
    public async Task<TOut> ExecuteAsync(
        TIn input,
        ILambdaContext? context,
        Func<TIn, CancellationToken, Task<TOut>> handler,
        CancellationToken cancellationToken = default,
        [CallerMemberName] string callerName = "")
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_options.Disabled)
        {
            return await handler(input, cancellationToken).ConfigureAwait(false);
        }

        var key = IdempotencyKey(input, callerName);
        var validationHash = _validationText is null ? null : IdempotencyHash.Md5Hex(Select(_validationText, input, "payload validation"));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ProcessAsync(key, validationHash, input, context, handler, cancellationToken).ConfigureAwait(false);
            }
            catch (IdempotencyInconsistentStateException) when (attempt < MaxAttempts)
            {
                // The record expired or vanished between the put and the get: the next conditional put settles it.
            }
        }
    }

    private async Task<TOut> ProcessAsync(
        string key,
        string? validationHash,
        TIn input,
        ILambdaContext? context,
        Func<TIn, CancellationToken, Task<TOut>> handler,
        CancellationToken cancellationToken)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var inProgress = new DataRecord(
            key,
            DataRecord.InProgress,
            ExpiryFrom(now),
            PayloadHash: validationHash,
            InProgressExpiryTimestamp: context is null ? null : now.ToUnixTimeMilliseconds() + (long)context.RemainingTime.TotalMilliseconds);
        try
        {
            await _options.Store.SaveInProgressAsync(inProgress, now, cancellationToken).ConfigureAwait(false);
        }
        catch (IdempotencyItemAlreadyExistsException)
        {
            return await ReplayAsync(key, validationHash, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            throw new IdempotencyPersistenceLayerException("Failed to save in progress record to idempotency store", e);
        }

        TOut result;
        try
        {
            result = await handler(input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await DeleteAsync(key).ConfigureAwait(false);
            throw;
        }

        try
        {
            var completed = inProgress with
            {
                Status = DataRecord.Completed,
                ExpiryTimestamp = ExpiryFrom(_options.TimeProvider.GetUtcNow()),
                ResponseData = JsonSerializer.Serialize(result, _outputInfo),
                InProgressExpiryTimestamp = null,
            };
            await _options.Store.SaveSuccessAsync(completed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            throw new IdempotencyPersistenceLayerException("Failed to update success record to idempotency store", e);
        }

        return result;
    }

    private async Task<TOut> ReplayAsync(string key, string? validationHash, CancellationToken cancellationToken)
    {
        var now = _options.TimeProvider.GetUtcNow();
        DataRecord record;
        try
        {
            record = await _options.Store.GetRecordAsync(key, now, cancellationToken).ConfigureAwait(false);
        }
        catch (IdempotencyItemNotFoundException e)
        {
            throw new IdempotencyInconsistentStateException("Idempotency record was deleted between the put and the get", e);
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            throw new IdempotencyPersistenceLayerException("Failed to get record from idempotency store", e);
        }

        if (validationHash is not null && record.PayloadHash != validationHash)
        {
            throw new IdempotencyValidationException("Payload does not match stored record for this event key");
        }

        switch (record.EffectiveStatus(now))
        {
            case DataRecord.Expired:
                throw new IdempotencyInconsistentStateException("Item is expired");
            case DataRecord.InProgress when record.InProgressExpiryTimestamp < now.ToUnixTimeMilliseconds():
                throw new IdempotencyInconsistentStateException("Item should have been expired in-progress because it already time-outed");
            case DataRecord.InProgress:
                throw new IdempotencyAlreadyInProgressException($"Execution already in progress with idempotency key: {key}");
            case DataRecord.Completed:
                return Deserialize(record);
            default:
                throw new IdempotencyPersistenceLayerException($"Unknown status '{record.Status}' in the idempotency record for key {key}");
        }
    }

    private TOut Deserialize(DataRecord record)
    {
        try
        {
            return (record.ResponseData is null ? default : JsonSerializer.Deserialize(record.ResponseData, _outputInfo))
                ?? throw new IdempotencyPersistenceLayerException($"Unable to get function response as {typeof(TOut).Name}: the stored data is empty");
        }
        catch (JsonException e)
        {
            throw new IdempotencyPersistenceLayerException($"Unable to get function response as {typeof(TOut).Name}", e);
        }
    }

    private async Task DeleteAsync(string key)
    {
        try
        {
            // Not cancellable: a claim left behind would block every retry until its in-progress expiry.
            await _options.Store.DeleteRecordAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (IsStoreFailure(e))
        {
            throw new IdempotencyPersistenceLayerException("Failed to delete record from idempotency store", e);
        }
    }

    private string IdempotencyKey(TIn input, string callerName)
    {
        var text = Select(_keyText, input, "key");
        if (string.IsNullOrEmpty(text))
        {
            if (_options.ThrowOnNoIdempotencyKey)
            {
                throw new IdempotencyKeyException("No data found to create a hashed idempotency key");
            }

            Console.WriteLine("Warning: no data found to create a hashed idempotency key; the empty value is hashed.");
        }

        var prefix = _keyPrefix ?? $"{_options.FunctionName}.{_methodName ?? callerName}";
        return $"{prefix}#{IdempotencyHash.Md5Hex(text)}";
    }

    private static string? Select(Func<TIn, string?> selector, TIn input, string what)
    {
        try
        {
            return selector(input);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or ArgumentException or NotSupportedException or JsonException)
        {
            throw new IdempotencyKeyException($"The idempotency {what} could not be taken from the event: {e.Message}", e);
        }
    }

    private long ExpiryFrom(DateTimeOffset now) => now.ToUnixTimeSeconds() + (long)_options.Expiration.TotalSeconds;

    // Cancellation and the utility's own outcomes pass through; anything else from the store is a persistence failure.
    private static bool IsStoreFailure(Exception e) =>
        e is not (OperationCanceledException or IdempotencyAlreadyInProgressException or IdempotencyValidationException
            or IdempotencyInconsistentStateException or IdempotencyPersistenceLayerException);

    private Func<TIn, string?> JsonText<TValue>(Func<TIn, TValue> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var info = TypeInfo<TValue>(_options);
        return input => IdempotencyHash.CanonicalText(selector(input), info);
    }

    private static JsonTypeInfo<T> TypeInfo<T>(IdempotencyOptions options) =>
        options.JsonContext.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new IdempotencyConfigurationException(
            $"{options.JsonContext.GetType().Name} has no JSON type information for {typeof(T).Name}; add [JsonSerializable(typeof({typeof(T).Name}))] to it.");
}
