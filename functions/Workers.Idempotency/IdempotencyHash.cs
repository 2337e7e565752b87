using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Workers.Idempotency;

/// <summary>
/// The text Powertools hashes and the hash itself. Powertools hashes <c>JsonElement.ToString()</c> of the selected
/// value: a JSON string without its quotes, numbers, objects and arrays as their compact JSON, null as "".
/// </summary>
internal static class IdempotencyHash
{
    /// <summary>The text Powertools would hash for a value; null when the value is JSON null.</summary>
    public static string? CanonicalText<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var element = JsonSerializer.SerializeToElement(value, typeInfo);
        return element.ValueKind == JsonValueKind.Null ? null : element.ToString();
    }

    /// <summary>Lowercase hex MD5 of the text's UTF-8 bytes; null hashes as the empty string.</summary>
    public static string Md5Hex(string? text)
    {
        // MD5 is Powertools' key format, kept so keys match across implementations; it protects nothing.
#pragma warning disable CA5351
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text ?? string.Empty)));
#pragma warning restore CA5351
    }
}
