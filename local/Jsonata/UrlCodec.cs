using System.Text;

namespace Jsonata;

/// <summary>encodeURI/encodeURIComponent/decodeURI/decodeURIComponent as JavaScript defines them.</summary>
internal static class UrlCodec
{
    private const string Unreserved = "-_.!~*'()";
    private const string Reserved = ";,/?:@&=+$#";

    public static string? Encode(string? s, bool component)
    {
        if (s is null)
        {
            return null;
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || Unreserved.Contains(c, StringComparison.Ordinal) || (!component && Reserved.Contains(c, StringComparison.Ordinal)))
            {
                sb.Append(c);
                continue;
            }

            int cp;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    throw Malformed(s);
                }

                cp = char.ConvertToUtf32(c, s[i + 1]);
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                throw Malformed(s);
            }
            else
            {
                cp = c;
            }

            foreach (var b in Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp)))
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    public static string? Decode(string? s, bool component)
    {
        if (s is null)
        {
            return null;
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '%')
            {
                sb.Append(s[i]);
                continue;
            }

            var start = i;
            var first = ReadByte(s, i);
            int needed = first < 0x80 ? 0 : (first & 0xE0) == 0xC0 ? 1 : (first & 0xF0) == 0xE0 ? 2 : (first & 0xF8) == 0xF0 ? 3 : -1;
            if (needed < 0)
            {
                throw Malformed(s);
            }

            var bytes = new byte[needed + 1];
            bytes[0] = (byte)first;
            i += 2;
            for (var k = 1; k <= needed; k++)
            {
                i++;
                if (i >= s.Length || s[i] != '%')
                {
                    throw Malformed(s);
                }

                var b = ReadByte(s, i);
                if ((b & 0xC0) != 0x80)
                {
                    throw Malformed(s);
                }

                bytes[k] = (byte)b;
                i += 2;
            }

            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (ArgumentException)
            {
                throw Malformed(s);
            }

            if (!component && needed == 0 && Reserved.Contains(decoded[0], StringComparison.Ordinal))
            {
                sb.Append(s, start, 3);
            }
            else
            {
                sb.Append(decoded);
            }
        }

        return sb.ToString();
    }

    private static int ReadByte(string s, int i)
    {
        if (i + 2 >= s.Length)
        {
            throw Malformed(s);
        }

        if (!Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2]))
        {
            throw Malformed(s);
        }

        return Convert.ToInt32(s.Substring(i + 1, 2), 16);
    }

    private static JsonataException Malformed(string s) =>
        new("D3140") { Value = s };
}
