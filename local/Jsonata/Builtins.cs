using System.Globalization;
using System.Text;

namespace Jsonata;

/// <summary>The JSONata standard library.</summary>
internal static partial class Builtins
{
    private static readonly Dictionary<string, Builtin> Table = CreateTable();

    public static Builtin? Lookup(string name) => Table.GetValueOrDefault(name);

    private static Dictionary<string, Builtin> CreateTable()
    {
        var t = new Dictionary<string, Builtin>(StringComparer.Ordinal);
        void Add(string name, string sig, int arity, BuiltinImpl impl) =>
            t[name] = new Builtin { Name = name, Impl = impl, DeclaredArity = arity, Signature = Signature.Parse(sig) };

        Add("sum", "<a<n>:n>", 1, (_, _, a) => Sum(Arg(a, 0)));
        Add("count", "<a:n>", 1, (_, _, a) => Values.Num(Arg(a, 0) is Seq s ? s.Count : 0));
        Add("max", "<a<n>:n>", 1, (_, _, a) => MinMax(Arg(a, 0), true));
        Add("min", "<a<n>:n>", 1, (_, _, a) => MinMax(Arg(a, 0), false));
        Add("average", "<a<n>:n>", 1, (_, _, a) => Average(Arg(a, 0)));
        Add("string", "<x-b?:s>", 1, (_, _, a) => StringFn(Arg(a, 0), Arg(a, 1) is true));
        Add("substring", "<s-nn?:s>", 3, (_, _, a) => Substring(Arg(a, 0) as string, Arg(a, 1), Arg(a, 2)));
        Add("substringBefore", "<s-s:s>", 2, (_, _, a) => SubstringBefore(Arg(a, 0) as string, Arg(a, 1) as string));
        Add("substringAfter", "<s-s:s>", 2, (_, _, a) => SubstringAfter(Arg(a, 0) as string, Arg(a, 1) as string));
        Add("lowercase", "<s-:s>", 1, (_, _, a) => (Arg(a, 0) as string)?.ToLowerInvariant());
        Add("uppercase", "<s-:s>", 1, (_, _, a) => (Arg(a, 0) as string)?.ToUpperInvariant());
        Add("length", "<s-:n>", 1, (_, _, a) => Arg(a, 0) is string s ? Values.Num(CodePoints(s).Count) : null);
        Add("trim", "<s-:s>", 1, (_, _, a) => Trim(Arg(a, 0) as string));
        Add("pad", "<s-ns?:s>", 3, (_, _, a) => Pad(Arg(a, 0) as string, Arg(a, 1), Arg(a, 2) as string));
        Add("match", "<s-f<s:o>n?:a<o>>", 3, (e, _, a) => MatchFn(e, Arg(a, 0) as string, Arg(a, 1), Arg(a, 2)));
        Add("contains", "<s-(sf):b>", 2, (e, _, a) => Contains(e, Arg(a, 0) as string, Arg(a, 1)));
        Add("replace", "<s-(sf)(sf)n?:s>", 4, (e, _, a) => Replace(e, Arg(a, 0) as string, Arg(a, 1), Arg(a, 2), Arg(a, 3)));
        Add("split", "<s-(sf)n?:a<s>>", 3, (e, _, a) => Split(e, Arg(a, 0) as string, Arg(a, 1), Arg(a, 2)));
        Add("join", "<a<s>s?:s>", 2, (_, _, a) => Join(Arg(a, 0), Arg(a, 1) as string));
        Add("formatNumber", "<n-so?:s>", 3, (_, _, a) => NumberFormatter.FormatNumber(Arg(a, 0), Arg(a, 1) as string, Arg(a, 2)));
        Add("formatBase", "<n-n?:s>", 2, (_, _, a) => FormatBase(Arg(a, 0), Arg(a, 1)));
        Add("formatInteger", "<n-s:s>", 2, (_, _, a) => Arg(a, 0) is double d && Arg(a, 1) is string p ? IntegerFormatter.Format(d, p) : null);
        Add("parseInteger", "<s-s:n>", 2, (_, _, a) => Arg(a, 0) is string s && Arg(a, 1) is string p ? IntegerFormatter.Parse(s, p) : null);
        Add("number", "<(nsb)-:n>", 1, (_, _, a) => NumberFn(Arg(a, 0)));
        Add("floor", "<n-:n>", 1, (_, _, a) => Arg(a, 0) is double d ? Values.Num(Math.Floor(d)) : null);
        Add("ceil", "<n-:n>", 1, (_, _, a) => Arg(a, 0) is double d ? Values.Num(Math.Ceiling(d)) : null);
        Add("round", "<n-n?:n>", 2, (_, _, a) => Arg(a, 0) is double d ? Values.Num(Round(d, Arg(a, 1) is double p ? (int)p : 0)) : null);
        Add("abs", "<n-:n>", 1, (_, _, a) => Arg(a, 0) is double d ? Values.Num(Math.Abs(d)) : null);
        Add("sqrt", "<n-:n>", 1, (_, _, a) => Sqrt(Arg(a, 0)));
        Add("power", "<n-n:n>", 2, (_, _, a) => Power(Arg(a, 0), Arg(a, 1)));
        Add("random", "<:n>", 0, (_, _, _) => Random.Shared.NextDouble());
        Add("boolean", "<x-:b>", 1, (_, _, a) => ToBoolean(Arg(a, 0)) is { } b ? Values.Bool(b) : null);
        Add("not", "<x-:b>", 1, (_, _, a) => ToBoolean(Arg(a, 0)) is { } b ? Values.Bool(!b) : null);
        Add("map", "<af>", 2, (e, _, a) => MapOrFilter(e, Arg(a, 0), Arg(a, 1)!, false));
        Add("zip", "<a+>", 0, (_, _, a) => Zip(a));
        Add("filter", "<af>", 2, (e, _, a) => MapOrFilter(e, Arg(a, 0), Arg(a, 1)!, true));
        Add("single", "<af?>", 2, (e, _, a) => Single(e, Arg(a, 0), Arg(a, 1)));
        Add("reduce", "<afj?:j>", 3, (e, _, a) => Reduce(e, Arg(a, 0), Arg(a, 1)!, Arg(a, 2)));
        Add("sift", "<o-f?:o>", 2, (e, _, a) => Sift(e, Arg(a, 0), Arg(a, 1)!));
        Add("keys", "<x-:a<s>>", 1, (_, _, a) => KeysFn(Arg(a, 0)));
        Add("lookup", "<x-s:x>", 2, (_, _, a) => Arg(a, 1) is string key ? Evaluator.Lookup(Arg(a, 0), key) : null);
        Add("append", "<xx:a>", 2, (_, _, a) => Append(Arg(a, 0), Arg(a, 1)));
        Add("exists", "<x:b>", 1, (_, _, a) => Values.Bool(Arg(a, 0) is not null));
        Add("spread", "<x-:a<o>>", 1, (_, _, a) => Spread(Arg(a, 0)));
        Add("merge", "<a<o>:o>", 1, (_, _, a) => Merge(Arg(a, 0)));
        Add("reverse", "<a:a>", 1, (_, _, a) => Reorder(Arg(a, 0), items => items.Reverse()));
        Add("each", "<o-f:a>", 2, (e, _, a) => Each(e, Arg(a, 0), Arg(a, 1)!));
        Add("error", "<s?:x>", 1, (_, _, a) => throw new JsonataException("D3137", Arg(a, 0) as string ?? "$error() function evaluated"));
        Add("assert", "<bs?:x>", 2, (_, _, a) => Arg(a, 0) is false ? throw new JsonataException("D3141", Arg(a, 1) as string ?? "$assert() statement failed") : null);
        Add("type", "<x:s>", 1, (_, _, a) => Arg(a, 0) is null ? null : Values.TypeName(Arg(a, 0)));
        Add("sort", "<af?:a>", 2, (e, _, a) => Sort(e, Arg(a, 0), Arg(a, 1)));
        Add("shuffle", "<a:a>", 1, (_, _, a) => Reorder(Arg(a, 0), ShuffleInPlace));
        Add("distinct", "<x:x>", 1, (_, _, a) => Distinct(Arg(a, 0)));
        Add("base64encode", "<s-:s>", 1, (_, _, a) => Arg(a, 0) is string s ? Convert.ToBase64String(Encoding.Latin1.GetBytes(s)) : null);
        Add("base64decode", "<s-:s>", 1, (_, _, a) => Arg(a, 0) is string s ? Encoding.Latin1.GetString(Convert.FromBase64String(s)) : null);
        Add("encodeUrlComponent", "<s-:s>", 1, (_, _, a) => UrlCodec.Encode(Arg(a, 0) as string, true));
        Add("encodeUrl", "<s-:s>", 1, (_, _, a) => UrlCodec.Encode(Arg(a, 0) as string, false));
        Add("decodeUrlComponent", "<s-:s>", 1, (_, _, a) => UrlCodec.Decode(Arg(a, 0) as string, true));
        Add("decodeUrl", "<s-:s>", 1, (_, _, a) => UrlCodec.Decode(Arg(a, 0) as string, false));
        Add("eval", "<sx?:x>", 2, (e, i, a) => Eval(e, i, Arg(a, 0) as string, a.Count > 1 ? a[1] : null));
        Add("toMillis", "<s-s?:n>", 2, (e, _, a) => Arg(a, 0) is string s ? DateTimeFormatter.ToMillis(s, Arg(a, 1) as string, e.Ctx.NowMillis) : null);
        Add("fromMillis", "<n-s?s?:s>", 3, (_, _, a) => Arg(a, 0) is double d ? DateTimeFormatter.FromMillis(d, Arg(a, 1) as string, Arg(a, 2) as string) : null);
        Add("clone", "<(oa)-:o>", 1, (_, _, a) => Values.DeepCopy(Arg(a, 0)));
        Add("now", "<s?s?:s>", 2, (e, _, a) => DateTimeFormatter.FromMillis(e.Ctx.NowMillis, Arg(a, 0) as string, Arg(a, 1) as string));
        Add("millis", "<:n>", 0, (e, _, _) => Values.Num(e.Ctx.NowMillis));
        return t;
    }

    private static object? Arg(List<object?> args, int i) => i < args.Count ? args[i] : null;

    public static string? Describe(object? v) => v switch
    {
        null => null,
        string s => s,
        JFunc => "function",
        double d => Values.NumberToString(d),
        _ => SafeStringify(v),
    };

    private static string SafeStringify(object v)
    {
        try
        {
            return Values.Stringify(v, false);
        }
        catch (JsonataException)
        {
            return "value";
        }
    }

    public static bool? ToBoolean(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case bool b:
                return b;
            case string s:
                return s.Length > 0;
            case double d:
                return !double.IsNaN(d) && d != 0;
            case JNull:
                return false;
            case Seq seq:
                if (seq.Count == 1)
                {
                    return ToBoolean(seq[0]) == true;
                }

                foreach (var item in seq)
                {
                    if (ToBoolean(item) == true)
                    {
                        return true;
                    }
                }

                return false;
            case JFunc:
                return false;
            default:
                return Values.ObjectCount(arg) > 0;
        }
    }

    public static string ToJsString(object? v) => v is null ? "" : StringFn(v, false)!;

    public static string? StringFn(object? arg, bool pretty)
    {
        switch (arg)
        {
            case null:
                return null;
            case string s:
                return s;
            case JFunc:
                return "";
            case double d when double.IsInfinity(d) || double.IsNaN(d):
                throw new JsonataException("D3001") { Value = Values.NumberToString(d) };
            case Seq { OuterWrapper: true } w when w.Count > 0:
                return Values.Stringify(w[0], pretty);
            default:
                return Values.Stringify(arg, pretty);
        }
    }

    public static object? Append(object? arg1, object? arg2)
    {
        if (arg1 is null)
        {
            return arg2;
        }

        if (arg2 is null)
        {
            return arg1;
        }

        var result = new Seq();
        if (arg1 is Seq s1)
        {
            result.AddRange(s1);
        }
        else
        {
            result.Add(arg1);
        }

        if (arg2 is Seq s2)
        {
            result.AddRange(s2);
        }
        else
        {
            result.Add(arg2);
        }

        return result;
    }

    public static List<object?> MergeSort(List<object?> arr, Func<object?, object?, bool> swap)
    {
        if (arr.Count <= 1)
        {
            return [.. arr];
        }

        var middle = arr.Count / 2;
        var left = MergeSort(arr.GetRange(0, middle), swap);
        var right = MergeSort(arr.GetRange(middle, arr.Count - middle), swap);
        var merged = new List<object?>(arr.Count);
        int li = 0, ri = 0;
        while (li < left.Count && ri < right.Count)
        {
            if (swap(left[li], right[ri]))
            {
                merged.Add(right[ri++]);
            }
            else
            {
                merged.Add(left[li++]);
            }
        }

        while (li < left.Count)
        {
            merged.Add(left[li++]);
        }

        while (ri < right.Count)
        {
            merged.Add(right[ri++]);
        }

        return merged;
    }

    private static object? Sum(object? arg)
    {
        if (arg is not Seq s)
        {
            return null;
        }

        var total = 0.0;
        foreach (var v in s)
        {
            total += (double)v!;
        }

        return Values.Num(total);
    }

    private static object? MinMax(object? arg, bool max)
    {
        if (arg is not Seq s || s.Count == 0)
        {
            return null;
        }

        var r = max ? double.NegativeInfinity : double.PositiveInfinity;
        foreach (var v in s)
        {
            r = max ? Math.Max(r, (double)v!) : Math.Min(r, (double)v!);
        }

        return Values.Num(r);
    }

    private static object? Average(object? arg)
    {
        if (arg is not Seq s || s.Count == 0)
        {
            return null;
        }

        var total = 0.0;
        foreach (var v in s)
        {
            total += (double)v!;
        }

        return Values.Num(total / s.Count);
    }

    public static List<string> CodePoints(string s)
    {
        var list = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(s.Substring(i, 2));
                i++;
            }
            else
            {
                list.Add(s[i].ToString());
            }
        }

        return list;
    }

    private static string Slice(List<string> cps, double start, double? end)
    {
        var len = cps.Count;
        var s = (int)Math.Max(Math.Min(start < 0 ? Math.Max(len + Math.Truncate(start), 0) : Math.Truncate(start), len), 0);
        var e = len;
        if (end is { } ev)
        {
            var t = double.IsNegativeInfinity(ev) ? double.NegativeInfinity : Math.Truncate(ev);
            e = (int)Math.Max(Math.Min(t < 0 ? Math.Max(len + t, 0) : t, len), 0);
        }

        var sb = new StringBuilder();
        for (var i = s; i < e; i++)
        {
            sb.Append(cps[i]);
        }

        return sb.ToString();
    }

    private static object? Substring(string? str, object? startArg, object? lengthArg)
    {
        if (str is null)
        {
            return null;
        }

        if (startArg is not double start)
        {
            return str;
        }

        var cps = CodePoints(str);
        var strLength = cps.Count;
        if (strLength + start < 0)
        {
            start = 0;
        }

        if (lengthArg is double length)
        {
            if (length <= 0)
            {
                return "";
            }

            var end = start >= 0 ? start + length : strLength + start + length;
            return Slice(cps, start, end);
        }

        return Slice(cps, start, null);
    }

    private static object? SubstringBefore(string? str, string? chars)
    {
        if (str is null)
        {
            return null;
        }

        var pos = str.IndexOf(chars!, StringComparison.Ordinal);
        return pos > -1 ? str[..pos] : str;
    }

    private static object? SubstringAfter(string? str, string? chars)
    {
        if (str is null)
        {
            return null;
        }

        var pos = str.IndexOf(chars!, StringComparison.Ordinal);
        return pos > -1 ? str[(pos + chars!.Length)..] : str;
    }

    private static object? Trim(string? str)
    {
        if (str is null)
        {
            return null;
        }

        var sb = new StringBuilder(str.Length);
        var inWs = false;
        foreach (var c in str)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (!inWs)
                {
                    sb.Append(' ');
                }

                inWs = true;
            }
            else
            {
                sb.Append(c);
                inWs = false;
            }
        }

        var result = sb.ToString();
        if (result.StartsWith(' '))
        {
            result = result[1..];
        }

        if (result.EndsWith(' '))
        {
            result = result[..^1];
        }

        return result;
    }

    private static object? Pad(string? str, object? widthArg, string? ch)
    {
        if (str is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(ch))
        {
            ch = " ";
        }

        if (widthArg is not double width)
        {
            return str;
        }

        var padLength = (int)(Math.Abs(width) - CodePoints(str).Count);
        if (padLength <= 0)
        {
            return str;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < padLength; i++)
        {
            sb.Append(ch);
        }

        var padding = sb.ToString();
        if (ch.Length > 1)
        {
            padding = Slice(CodePoints(padding), 0, padLength);
        }

        return width > 0 ? str + padding : padding + str;
    }

    private static object? Join(object? strs, string? sep)
    {
        if (strs is not Seq s)
        {
            return null;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < s.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(sep);
            }

            sb.Append((string)s[i]!);
        }

        return sb.ToString();
    }

    private static object? FormatBase(object? value, object? radixArg)
    {
        if (value is not double d)
        {
            return null;
        }

        d = Round(d, 0);
        var radix = radixArg is double r ? (int)r : 10;
        if (radix < 2 || radix > 36)
        {
            throw new JsonataException("D3100") { Value = Values.NumberToString(radix) };
        }

        var negative = d < 0;
        var n = (long)Math.Abs(d);
        if (n == 0)
        {
            return "0";
        }

        var sb = new StringBuilder();
        while (n > 0)
        {
            var digit = (int)(n % radix);
            sb.Insert(0, (char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
            n /= radix;
        }

        if (negative)
        {
            sb.Insert(0, '-');
        }

        return sb.ToString();
    }

    private static object? NumberFn(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case double:
                return arg;
            case bool b:
                return Values.Num(b ? 1 : 0);
            case string s:
                if (IsDecimalLiteral(s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
                {
                    return Values.Num(d);
                }

                if (s.Length > 2 && s[0] == '0')
                {
                    var radix = s[1] switch
                    {
                        'x' or 'X' => 16,
                        'o' or 'O' => 8,
                        'b' or 'B' => 2,
                        _ => 0,
                    };
                    if (radix != 0)
                    {
                        try
                        {
                            return Values.Num(Convert.ToInt64(s[2..], radix));
                        }
                        catch (FormatException)
                        {
                        }
                        catch (ArgumentException)
                        {
                        }
                    }
                }

                break;
        }

        throw new JsonataException("D3030") { Value = Describe(arg), Index = 1 };
    }

    private static bool IsDecimalLiteral(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            digits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }

            if (digits == 0)
            {
                return false;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            digits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }

            if (digits == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static double Shift(double v, int places)
    {
        var text = Values.NumberToString(v);
        var parts = text.Split('e');
        var exp = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) + places : places;
        return double.Parse(parts[0] + "e" + exp.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static double Round(double arg, int precision)
    {
        if (precision != 0)
        {
            arg = Shift(arg, precision);
        }

        var result = Math.Floor(arg + 0.5);
        var diff = result - arg;
        if (Math.Abs(diff) == 0.5 && Math.Abs(result % 2) == 1)
        {
            result -= 1;
        }

        if (precision != 0)
        {
            result = Shift(result, -precision);
        }

        return result == 0 ? 0 : result;
    }

    private static object? Sqrt(object? arg)
    {
        if (arg is not double d)
        {
            return null;
        }

        if (d < 0)
        {
            throw new JsonataException("D3060") { Value = Values.NumberToString(d) };
        }

        return Values.Num(Math.Sqrt(d));
    }

    private static object? Power(object? b, object? e)
    {
        if (b is not double bd)
        {
            return null;
        }

        var exponent = e as double? ?? double.NaN;
        var r = Math.Pow(bd, exponent);
        if (double.IsInfinity(r) || double.IsNaN(r))
        {
            throw new JsonataException("D3061") { Value = Values.NumberToString(bd), Value2 = Values.NumberToString(exponent) };
        }

        return Values.Num(r);
    }

    private static List<object?> HofArgs(object func, object? a1, object? a2, object? a3)
    {
        var arity = ((JFunc)func).Arity;
        var list = new List<object?>(3) { a1 };
        if (arity >= 2)
        {
            list.Add(a2);
        }

        if (arity >= 3)
        {
            list.Add(a3);
        }

        return list;
    }

    /// <summary>$map keeps each defined result; $filter keeps each item whose result is truthy.</summary>
    private static object? MapOrFilter(Frame env, object? arr, object func, bool filter)
    {
        if (arr is not Seq s)
        {
            return null;
        }

        var result = Seq.NewSequence();
        for (var i = 0; i < s.Count; i++)
        {
            var res = Evaluator.Apply(func, HofArgs(func, s[i], Values.Num(i), s), null, env);
            if (filter ? ToBoolean(res) == true : res is not null)
            {
                result.Add(filter ? s[i] : res);
            }
        }

        return result;
    }

    private static object? Single(Frame env, object? arr, object? func)
    {
        if (arr is not Seq s)
        {
            return null;
        }

        var found = false;
        object? result = null;
        for (var i = 0; i < s.Count; i++)
        {
            var positive = true;
            if (func is not null)
            {
                positive = ToBoolean(Evaluator.Apply(func, HofArgs(func, s[i], Values.Num(i), s), null, env)) == true;
            }

            if (positive)
            {
                if (found)
                {
                    throw new JsonataException("D3138") { Index = i };
                }

                result = s[i];
                found = true;
            }
        }

        if (!found)
        {
            throw new JsonataException("D3139");
        }

        return result;
    }

    private static object? Reduce(Frame env, object? seq, object func, object? init)
    {
        if (seq is not Seq s)
        {
            return null;
        }

        var arity = ((JFunc)func).Arity;
        if (arity < 2)
        {
            throw new JsonataException("D3050") { Index = 1 };
        }

        object? result;
        int index;
        if (init is null && s.Count > 0)
        {
            result = s[0];
            index = 1;
        }
        else
        {
            result = init;
            index = 0;
        }

        while (index < s.Count)
        {
            var args = new List<object?> { result, s[index] };
            if (arity >= 3)
            {
                args.Add(Values.Num(index));
            }

            if (arity >= 4)
            {
                args.Add(s);
            }

            result = Evaluator.Apply(func, args, null, env);
            index++;
        }

        return result;
    }

    private static object? Sift(Frame env, object? obj, object func)
    {
        if (!Values.IsObject(obj))
        {
            return null;
        }

        var result = new JMap();
        foreach (var kv in Values.Entries(obj!))
        {
            if (ToBoolean(Evaluator.Apply(func, HofArgs(func, kv.Value, kv.Key, obj), null, env)) == true)
            {
                result[kv.Key] = kv.Value;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static object? Each(Frame env, object? obj, object func)
    {
        if (!Values.IsObject(obj))
        {
            return null;
        }

        var result = Seq.NewSequence();
        foreach (var kv in Values.Entries(obj!))
        {
            var res = Evaluator.Apply(func, HofArgs(func, kv.Value, kv.Key, obj), null, env);
            if (res is not null)
            {
                result.Add(res);
            }
        }

        return result;
    }

    private static Seq KeysFn(object? arg)
    {
        var result = Seq.NewSequence();
        if (arg is Seq s)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in s)
            {
                foreach (var k in KeysFn(item))
                {
                    if (seen.Add((string)k!))
                    {
                        result.Add(k);
                    }
                }
            }
        }
        else if (Values.IsObject(arg))
        {
            foreach (var k in Values.Keys(arg!))
            {
                result.Add(k);
            }
        }

        return result;
    }

    private static object? Spread(object? arg)
    {
        if (arg is Seq s)
        {
            object? result = Seq.NewSequence();
            foreach (var item in s)
            {
                result = Append(result, Spread(item));
            }

            return result;
        }

        if (Values.IsObject(arg))
        {
            var result = Seq.NewSequence();
            foreach (var kv in Values.Entries(arg!))
            {
                result.Add(new JMap { [kv.Key] = kv.Value });
            }

            return result;
        }

        return arg;
    }

    private static object? Merge(object? arg)
    {
        if (arg is not Seq s)
        {
            return null;
        }

        var result = new JMap();
        foreach (var obj in s)
        {
            foreach (var kv in Values.Entries(obj!))
            {
                result[kv.Key] = kv.Value;
            }
        }

        return result;
    }

    /// <summary>$reverse and $shuffle: undefined stays undefined, a 0 or 1 item array is returned as is, else a reordered copy.</summary>
    private static object? Reorder(object? arg, Action<Seq> reorder)
    {
        if (arg is not Seq s)
        {
            return null;
        }

        if (s.Count <= 1)
        {
            return s;
        }

        var copy = new Seq(s.Count);
        copy.AddRange(s);
        reorder(copy);
        return copy;
    }

    private static void ShuffleInPlace(Seq items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Random.Shared.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static object? Distinct(object? arg)
    {
        if (arg is not Seq s || s.Count <= 1)
        {
            return arg;
        }

        var results = s.Sequence ? Seq.NewSequence() : new Seq();
        foreach (var v in s)
        {
            var includes = false;
            foreach (var r in results)
            {
                if (Values.DeepEquals(v, r))
                {
                    includes = true;
                    break;
                }
            }

            if (!includes)
            {
                results.Add(v);
            }
        }

        return results;
    }

    private static object? Zip(List<object?> args)
    {
        var result = new Seq();
        if (args.Count == 0)
        {
            return result;
        }

        var length = int.MaxValue;
        foreach (var a in args)
        {
            length = Math.Min(length, a is Seq s ? s.Count : 0);
        }

        for (var i = 0; i < length; i++)
        {
            var tuple = new Seq(args.Count);
            foreach (var a in args)
            {
                tuple.Add(((Seq)a!)[i]);
            }

            result.Add(tuple);
        }

        return result;
    }

    private static object? Sort(Frame env, object? arr, object? comparator)
    {
        if (arr is not Seq s)
        {
            return null;
        }

        if (s.Count <= 1)
        {
            return s;
        }

        Func<object?, object?, bool> swap;
        if (comparator is null)
        {
            var allNumbers = true;
            var allStrings = true;
            foreach (var v in s)
            {
                allNumbers &= v is double;
                allStrings &= v is string;
            }

            if (!allNumbers && !allStrings)
            {
                throw new JsonataException("D3070");
            }

            swap = allNumbers
                ? (a, b) => (double)a! > (double)b!
                : (a, b) => string.CompareOrdinal((string)a!, (string)b!) > 0;
        }
        else
        {
            swap = (a, b) => ToBoolean(Evaluator.Apply(comparator, [a, b], null, env)) == true;
        }

        var sorted = MergeSort(s, swap);
        var result = new Seq(sorted.Count);
        result.AddRange(sorted);
        return result;
    }

    private static object? Eval(Frame env, object? input, string? expr, object? focus)
    {
        if (expr is null)
        {
            return null;
        }

        if (focus is not null)
        {
            input = focus;
            if (input is Seq { Sequence: false } arr)
            {
                var wrapped = Seq.NewSequence();
                wrapped.Add(arr);
                wrapped.OuterWrapper = true;
                input = wrapped;
            }
        }

        JsonataNode ast;
        try
        {
            ast = Parser.Parse(expr);
        }
        catch (JsonataException e)
        {
            throw new JsonataException("D3120", e.Message) { Value = e.Message };
        }

        try
        {
            return Evaluator.Evaluate(ast, input, env);
        }
        catch (JsonataException e) when (e.Code != "U1001")
        {
            throw new JsonataException("D3121", e.Message) { Value = e.Message };
        }
    }
}
