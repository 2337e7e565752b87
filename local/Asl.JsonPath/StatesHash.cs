using System.Security.Cryptography;
using System.Text;

namespace Asl.JsonPath;

/// <summary>
/// The digests Step Functions offers in both query languages (<c>States.Hash</c> and JSONata's <c>$hash</c>):
/// MD5, SHA-1, SHA-256, SHA-384, SHA-512 of the UTF-8 text, as lower-case hex.
/// </summary>
public static class StatesHash
{
    /// <summary>The algorithm names AWS accepts, for error messages.</summary>
    public const string Algorithms = "MD5, SHA-1, SHA-256, SHA-384, SHA-512";

    /// <summary>Hashes <paramref name="text"/>; false when <paramref name="algorithm"/> is not one AWS accepts.</summary>
    public static bool TryCompute(string text, string algorithm, out string hex)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        byte[]? digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => null,
        };
        hex = digest is null ? "" : Convert.ToHexStringLower(digest);
        return digest is not null;
    }
}
