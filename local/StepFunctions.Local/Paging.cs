using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StepFunctions.Local;

/// <summary>
/// Opaque page tokens. A token carries the list it belongs to and a position, so a token from one list or a forged
/// one is answered with AWS's InvalidToken rather than a wrong page.
/// </summary>
internal static class Paging
{
    /// <summary>AWS's default page size when maxResults is absent or 0.</summary>
    public const int DefaultPageSize = 100;

    public static int PageSize(int? maxResults) => maxResults is null or 0 ? DefaultPageSize : maxResults.Value;

    public static string Token(string scope, long position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{scope}\n{position.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The position in <paramref name="scope"/> a token points at, <paramref name="start"/> without one.</summary>
    public static long Position(string? token, string scope, long start)
    {
        if (token is null)
        {
            return start;
        }

        var buffer = new byte[token.Length];
        if (Convert.TryFromBase64String(token, buffer, out var written))
        {
            var text = Encoding.UTF8.GetString(buffer, 0, written);
            var newline = text.LastIndexOf('\n');
            if (newline > 0 && text[..newline] == scope
                && long.TryParse(text.AsSpan(newline + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }

        throw new ApiException("InvalidToken", $"Invalid Token: '{token}'");
    }

    /// <summary>Writes one page of <paramref name="items"/> as an array member, then nextToken when more follow.</summary>
    public static void WritePage<T>(Utf8JsonWriter writer, string member, IReadOnlyList<T> items, string? token, string scope, int pageSize, Action<Utf8JsonWriter, T> writeItem)
    {
        var start = (int)Math.Clamp(Position(token, scope, 0), 0, items.Count);
        writer.WriteStartArray(member);
        foreach (var item in items.Skip(start).Take(pageSize))
        {
            writer.WriteStartObject();
            writeItem(writer, item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (start + pageSize < items.Count)
        {
            writer.WriteString("nextToken", Token(scope, start + pageSize));
        }
    }
}
