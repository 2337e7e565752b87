using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jsonata;

/// <summary>The JSON null value; C# null stands for JSONata's undefined.</summary>
internal sealed class JNull
{
    public static readonly JNull Instance = new();

    private JNull()
    {
    }
}

/// <summary>A JSONata array, flagged the way the reference implementation flags its arrays.</summary>
internal sealed class Seq : List<object?>
{
    public Seq()
    {
    }

    public Seq(int capacity)
        : base(capacity)
    {
    }

    public bool Sequence;
    public bool KeepSingleton;
    public bool OuterWrapper;
    public bool TupleStream;
    public bool Cons;

    public static Seq NewSequence() => new() { Sequence = true };
}

/// <summary>An object built during evaluation; keeps insertion order like a JavaScript object.</summary>
internal sealed class JMap : OrderedDictionary<string, object?>
{
    public JMap()
        : base(StringComparer.Ordinal)
    {
    }

    public JMap(int capacity)
        : base(capacity, StringComparer.Ordinal)
    {
    }
}

/// <summary>One tuple of a tuple stream: the context item under "@" plus the focus, index and ancestor bindings.</summary>
internal sealed class TupleBinding : Dictionary<string, object?>
{
    public TupleBinding()
        : base(StringComparer.Ordinal)
    {
    }

    public TupleBinding(TupleBinding other)
        : base(other, StringComparer.Ordinal)
    {
    }
}

/// <summary>Conversions between JSON nodes and evaluation values, and the JavaScript value semantics the language relies on.</summary>
internal static class Values
{
    public static readonly object True = true;
    public static readonly object False = false;
    private static readonly object[] SmallInts = CreateSmallInts();

    private static object[] CreateSmallInts()
    {
        var a = new object[1024];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = (double)i;
        }

        return a;
    }

    public static object Bool(bool b) => b ? True : False;

    public static object Num(double d)
    {
        if (d >= 0 && d < 1024)
        {
            var i = (int)d;
            if (i == d && !(d == 0 && double.IsNegative(d)))
            {
                return SmallInts[i];
            }
        }

        return d;
    }

    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JNull.Instance;
            case JsonObject:
                return node;
            case JsonArray arr:
                var seq = new Seq(arr.Count);
                foreach (var item in arr)
                {
                    seq.Add(FromNode(item));
                }

                return seq;
            case JsonValue v:
                return FromValue(v);
            default:
                return JNull.Instance;
        }
    }

    private static object FromValue(JsonValue v)
    {
        switch (v.GetValueKind())
        {
            case JsonValueKind.String:
                try
                {
                    return v.TryGetValue(out string? s) ? s : JsonSerializer.Deserialize<string>(v.ToJsonString())!;
                }
                catch (InvalidOperationException)
                {
                    // Lone surrogates are legal in JSON text but System.Text.Json refuses to decode them.
                    return (string)Parser.Parse(v.TryGetValue(out JsonElement raw) ? raw.GetRawText() : "\"\"").Literal!;
                }
            case JsonValueKind.Number:
                return Num(ToDouble(v));
            case JsonValueKind.True:
                return True;
            case JsonValueKind.False:
                return False;
            case JsonValueKind.Null:
                return JNull.Instance;
            default:
                return FromNode(JsonNode.Parse(v.ToJsonString()))!;
        }
    }

    private static double ToDouble(JsonValue v)
    {
        if (v.TryGetValue(out double d))
        {
            return d;
        }

        if (v.TryGetValue(out int i))
        {
            return i;
        }

        if (v.TryGetValue(out long l))
        {
            return l;
        }

        if (v.TryGetValue(out decimal m))
        {
            return (double)m;
        }

        if (v.TryGetValue(out float f))
        {
            return f;
        }

        return double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
    }

    /// <summary>Converts a value to a JSON node that has no parent; functions become null inside arrays and vanish from objects, as JSON.stringify does.</summary>
    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null:
            case JNull:
                return null;
            case bool b:
                return JsonValue.Create(b);
            case double d:
                CheckFinite(d);
                return JsonValue.Create(d == 0 ? 0 : d);
            case string s:
                return JsonValue.Create(s);
            case Seq seq:
                var arr = new JsonArray();
                foreach (var item in seq)
                {
                    arr.Add(item is JFunc ? null : ToNode(item));
                }

                return arr;
            case JsonObject jo:
                return jo.DeepClone();
            case JMap map:
                var obj = new JsonObject();
                foreach (var kv in Entries(map))
                {
                    if (kv.Value is not null && kv.Value is not JFunc)
                    {
                        obj[kv.Key] = ToNode(kv.Value);
                    }
                }

                return obj;
            case JsonNode n:
                return n.DeepClone();
            default:
                return null;
        }
    }

    public static void CheckFinite(double d)
    {
        if (double.IsInfinity(d) || double.IsNaN(d))
        {
            throw new JsonataException("D1001", $"Number out of range: {NumberToString(d)}");
        }
    }

    public static bool IsObject(object? v) => v is JsonObject || v is JMap;

    public static bool IsNumber(object? v) => v is double d && !double.IsNaN(d);

    public static int ObjectCount(object obj) => obj is JsonObject jo ? jo.Count : ((JMap)obj).Count;

    public static object? GetField(object? obj, string key)
    {
        if (obj is JsonObject jo)
        {
            return jo.TryGetPropertyValue(key, out var node) ? FromNode(node) : null;
        }

        if (obj is JMap map)
        {
            return map.TryGetValue(key, out var v) ? v : null;
        }

        return null;
    }

    /// <summary>An object's entries in JavaScript property order: array-index keys ascending, then the rest as inserted.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Entries(object obj)
    {
        if (obj is JsonObject jo)
        {
            foreach (var key in Keys(obj))
            {
                yield return new KeyValuePair<string, object?>(key, FromNode(jo[key]));
            }
        }
        else
        {
            var map = (JMap)obj;
            foreach (var key in Keys(obj))
            {
                yield return new KeyValuePair<string, object?>(key, map[key]);
            }
        }
    }

    public static List<string> Keys(object obj)
    {
        var keys = new List<string>();
        if (obj is JsonObject jo)
        {
            foreach (var kv in jo)
            {
                keys.Add(kv.Key);
            }
        }
        else
        {
            foreach (var kv in (JMap)obj)
            {
                keys.Add(kv.Key);
            }
        }

        return InPropertyOrder(keys);
    }

    public static List<string> InPropertyOrder(List<string> keys)
    {
        if (!keys.Exists(IsArrayIndex))
        {
            return keys;
        }

        var ordered = keys.Where(IsArrayIndex).OrderBy(k => uint.Parse(k, CultureInfo.InvariantCulture)).ToList();
        ordered.AddRange(keys.Where(k => !IsArrayIndex(k)));
        return ordered;
    }

    private static bool IsArrayIndex(string key)
    {
        if (key.Length == 0 || key.Length > 10 || !char.IsAsciiDigit(key[0]) || (key[0] == '0' && key.Length > 1))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return ulong.Parse(key, CultureInfo.InvariantCulture) < uint.MaxValue;
    }

    /// <summary>A mutable deep copy, used by transforms which update objects in place.</summary>
    public static object? DeepCopy(object? v)
    {
        switch (v)
        {
            case Seq seq:
                var copy = new Seq(seq.Count);
                foreach (var item in seq)
                {
                    copy.Add(DeepCopy(item));
                }

                return copy;
            case JsonObject:
            case JMap:
                var map = new JMap();
                foreach (var kv in Entries(v))
                {
                    map[kv.Key] = DeepCopy(kv.Value);
                }

                return map;
            default:
                return v;
        }
    }

    public static bool DeepEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        switch (a)
        {
            case double da:
                return b is double db && da == db;
            case string sa:
                return b is string sb && sa == sb;
            case bool ba:
                return b is bool bb && ba == bb;
            case Seq la:
                if (b is not Seq lb || la.Count != lb.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEquals(la[i], lb[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonObject or JMap:
                if (!IsObject(b) || ObjectCount(a) != ObjectCount(b!))
                {
                    return false;
                }

                foreach (var kv in Entries(a))
                {
                    if (!HasKey(b!, kv.Key) || !DeepEquals(kv.Value, GetField(b, kv.Key)))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public static bool HasKey(object obj, string key) => obj is JsonObject jo ? jo.ContainsKey(key) : ((JMap)obj).ContainsKey(key);

    public static string TypeName(object? v) => v switch
    {
        null => "undefined",
        JNull => "null",
        double => "number",
        string => "string",
        bool => "boolean",
        Seq => "array",
        JFunc => "function",
        _ => "object",
    };

    /// <summary>Formats a double as JavaScript's Number.prototype.toString does.</summary>
    public static string NumberToString(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == 0)
        {
            return "0";
        }

        if (Math.Abs(d) < 1e21 && d == Math.Floor(d))
        {
            return d.ToString("F0", CultureInfo.InvariantCulture);
        }

        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        if (negative)
        {
            shortest = shortest[1..];
        }

        string digits;
        int exponent;
        var ePos = shortest.IndexOfAny(['E', 'e']);
        var mantissa = ePos >= 0 ? shortest[..ePos] : shortest;
        var exp = ePos >= 0 ? int.Parse(shortest[(ePos + 1)..], CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            digits = mantissa[..dot] + mantissa[(dot + 1)..];
            exponent = dot + exp;
        }
        else
        {
            digits = mantissa;
            exponent = mantissa.Length + exp;
        }

        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits[lead..];
        exponent -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var k = digits.Length;
        var n = exponent;
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>JSON text as JSON.stringify writes it, with JSONata's number precision and function replacer.</summary>
    public static string Stringify(object? v, bool pretty)
    {
        var sb = new StringBuilder();
        WriteJson(sb, v, pretty, 0, true);
        return sb.ToString();
    }

    private static void WriteJson(StringBuilder sb, object? v, bool pretty, int indent, bool precision15)
    {
        switch (v)
        {
            case null:
            case JNull:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                CheckFinite(d);
                if (precision15 && d != Math.Floor(d))
                {
                    d = double.Parse(d.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                }

                sb.Append(NumberToString(d));
                break;
            case string s:
                WriteString(sb, s);
                break;
            case JFunc:
                sb.Append("\"\"");
                break;
            case Seq seq:
                if (seq.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }

                sb.Append('[');
                for (var i = 0; i < seq.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, pretty, indent + 1);
                    WriteJson(sb, seq[i], pretty, indent + 1, precision15);
                }

                NewLine(sb, pretty, indent);
                sb.Append(']');
                break;
            case JsonObject or JMap:
                var first = true;
                sb.Append('{');
                foreach (var kv in Entries(v))
                {
                    if (kv.Value is null)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    NewLine(sb, pretty, indent + 1);
                    WriteString(sb, kv.Key);
                    sb.Append(pretty ? ": " : ":");
                    WriteJson(sb, kv.Value, pretty, indent + 1, precision15);
                }

                if (!first)
                {
                    NewLine(sb, pretty, indent);
                }

                sb.Append('}');
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void NewLine(StringBuilder sb, bool pretty, int indent)
    {
        if (pretty)
        {
            sb.Append('\n').Append(' ', indent * 2);
        }
    }

    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]))))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
