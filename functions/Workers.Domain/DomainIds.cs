using System.Security.Cryptography;
using System.Text;

namespace Workers.Domain;

/// <summary>
/// Ids derived from the order id, so a step that runs again for the same order (after a crash, or a replay the
/// idempotency record no longer covers) names the same reservation, payment or shipment instead of a second one.
/// </summary>
public static class DomainIds
{
    /// <summary>An id like <c>pay_3f2a…</c>: the prefix and 20 hex digits of SHA-256(prefix:orderId).</summary>
    public static string For(string prefix, string orderId) =>
        $"{prefix}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{prefix}:{orderId}")))[..20]}";
}
