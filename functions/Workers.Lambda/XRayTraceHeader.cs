using System.Diagnostics;

namespace Workers.Lambda;

/// <summary>
/// The parsed <c>Root=1-…;Parent=…;Sampled=…</c> header. The X-Ray trace id maps onto a W3C trace id (its 8 time
/// and 24 random hex digits) and Parent onto a span id, so the facade segment becomes a remote ActivityContext.
/// </summary>
internal sealed record XRayTraceHeader(string Root, string Parent, bool Sampled)
{
    public ActivityContext ToActivityContext() => new(
        ActivityTraceId.CreateFromString(string.Concat(Root.AsSpan(2, 8), Root.AsSpan(11, 24))),
        ActivitySpanId.CreateFromString(Parent),
        Sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None,
        isRemote: true);

    /// <summary>The X-Ray form (<c>1-xxxxxxxx-yyyy…</c>) of an Activity trace id.</summary>
    public static string ToXRayTraceId(ActivityTraceId traceId)
    {
        var hex = traceId.ToHexString();
        return $"1-{hex[..8]}-{hex[8..]}";
    }

    /// <summary>The Root id of a header, or null, for logs (<c>xray_trace_id</c>) even when the rest is unusable.</summary>
    public static string? RootOf(string? header) => Fields(header).GetValueOrDefault("Root");

    /// <summary>Parses a header; null when Root or Parent is missing or malformed, as the X-Ray SDK then traces nothing.</summary>
    public static XRayTraceHeader? Parse(string? header)
    {
        var fields = Fields(header);
        var root = fields.GetValueOrDefault("Root")?.ToLowerInvariant();
        var parent = fields.GetValueOrDefault("Parent")?.ToLowerInvariant();
        if (root is not { Length: 35 } || !root.StartsWith("1-", StringComparison.Ordinal) || root[10] != '-'
            || !IsHex(root.AsSpan(2, 8)) || !IsHex(root.AsSpan(11, 24)) || parent is not { Length: 16 } || !IsHex(parent))
        {
            return null;
        }

        return new XRayTraceHeader(root, parent, fields.GetValueOrDefault("Sampled") == "1");
    }

    private static Dictionary<string, string> Fields(string? header)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in (header ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }

        return fields;
    }

    // All zeros is not a valid W3C id, so it is rejected with the non-hex input.
    private static bool IsHex(ReadOnlySpan<char> text) =>
        !text.ContainsAnyExcept("0123456789abcdef") && text.ContainsAnyExcept('0');
}
