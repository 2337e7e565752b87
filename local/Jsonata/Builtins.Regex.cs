using System.Globalization;
using System.Text;

namespace Jsonata;

/// <summary>The regex-driven string functions and the matcher protocol.</summary>
internal static partial class Builtins
{
    public static MatchResult? RegexMatch(RegexMatcher matcher, string str, int from)
    {
        if (from > str.Length)
        {
            return null;
        }

        var m = matcher.Regex.Match(str, from);
        if (!m.Success)
        {
            return null;
        }

        var groups = new Seq();
        for (var i = 1; i < m.Groups.Count; i++)
        {
            groups.Add(m.Groups[i].Success ? m.Groups[i].Value : null);
        }

        var result = new MatchResult { Match = m.Value, Start = m.Index, End = m.Index + m.Length, Groups = groups };
        var lastIndex = m.Index + m.Length;
        result.Next = () =>
        {
            if (lastIndex >= str.Length)
            {
                return null;
            }

            var next = RegexMatch(matcher, str, lastIndex);
            if (next is not null && next.Match.Length == 0)
            {
                throw new JsonataException("D1004", null, matcher.Position) { Value = matcher.Source };
            }

            return next;
        };
        return result;
    }

    public static JMap MatchToObject(MatchResult m, bool withStartEnd)
    {
        var obj = new JMap { ["match"] = m.Match };
        if (withStartEnd)
        {
            obj["start"] = Values.Num(m.Start);
            obj["end"] = Values.Num(m.End);
        }
        else
        {
            obj["index"] = Values.Num(m.Start);
        }

        obj["groups"] = m.Groups;
        return obj;
    }

    private static MatchResult? EvaluateMatcher(Frame env, object matcher, string str)
    {
        if (matcher is RegexMatcher rm)
        {
            return RegexMatch(rm, str, 0);
        }

        return ToMatchResult(env, Evaluator.Apply(matcher, [str], null, env));
    }

    private static MatchResult? ToMatchResult(Frame env, object? result)
    {
        if (result is null)
        {
            return null;
        }

        var start = Values.GetField(result, "start");
        var end = Values.GetField(result, "end");
        var groups = Values.GetField(result, "groups");
        var next = Values.GetField(result, "next");
        if (!Values.IsObject(result) || !(start is double || end is double || groups is Seq || next is JFunc))
        {
            throw new JsonataException("T1010");
        }

        var mr = new MatchResult
        {
            Match = Values.GetField(result, "match") as string ?? "",
            Start = start is double s ? (int)s : 0,
            End = end is double e ? (int)e : 0,
            Groups = groups as Seq ?? [],
        };
        if (next is JFunc)
        {
            mr.Next = () => ToMatchResult(env, Evaluator.Apply(next, [], null, env));
        }

        return mr;
    }

    private static object? MatchFn(Frame env, string? str, object? regex, object? limitArg)
    {
        if (str is null)
        {
            return null;
        }

        if (limitArg is double l && l < 0)
        {
            throw new JsonataException("D3040") { Value = Values.NumberToString(l) };
        }

        var result = Seq.NewSequence();
        if (limitArg is not double limit || limit > 0)
        {
            var count = 0;
            var matches = EvaluateMatcher(env, regex!, str);
            while (matches is not null && (limitArg is not double lim || count < lim))
            {
                result.Add(MatchToObject(matches, false));
                matches = matches.Next?.Invoke();
                count++;
            }
        }

        return result;
    }

    private static object? Contains(Frame env, string? str, object? token)
    {
        if (str is null)
        {
            return null;
        }

        if (token is string t)
        {
            return Values.Bool(str.Contains(t, StringComparison.Ordinal));
        }

        if (token is null)
        {
            return null;
        }

        return Values.Bool(EvaluateMatcher(env, token, str) is not null);
    }

    private static object? Split(Frame env, string? str, object? separator, object? limitArg)
    {
        if (str is null)
        {
            return null;
        }

        if (limitArg is double l && l < 0)
        {
            throw new JsonataException("D3020") { Value = Values.NumberToString(l) };
        }

        var result = new Seq();
        var limit = limitArg is double ld ? (int)ld : int.MaxValue;
        if (limit <= 0)
        {
            return result;
        }

        if (separator is string sep)
        {
            if (sep.Length == 0)
            {
                foreach (var c in str)
                {
                    result.Add(c.ToString());
                }
            }
            else
            {
                foreach (var part in str.Split(sep))
                {
                    result.Add(part);
                }
            }

            if (result.Count > limit)
            {
                result.RemoveRange(limit, result.Count - limit);
            }

            return result;
        }

        var count = 0;
        var matches = EvaluateMatcher(env, separator!, str);
        if (matches is null)
        {
            result.Add(str);
            return result;
        }

        var start = 0;
        while (matches is not null && count < limit)
        {
            result.Add(str[start..Math.Max(start, matches.Start)]);
            start = matches.End;
            matches = matches.Next?.Invoke();
            count++;
        }

        if (count < limit)
        {
            result.Add(str[Math.Min(start, str.Length)..]);
        }

        return result;
    }

    private static object? Replace(Frame env, string? str, object? pattern, object? replacement, object? limitArg)
    {
        if (str is null)
        {
            return null;
        }

        if (pattern is "")
        {
            throw new JsonataException("D3010") { Value = "", Index = 2 };
        }

        if (limitArg is double l && l < 0)
        {
            throw new JsonataException("D3011") { Value = Values.NumberToString(l), Index = 4 };
        }

        var limit = limitArg is double ld ? ld : double.PositiveInfinity;
        if (limit <= 0)
        {
            return str;
        }

        var sb = new StringBuilder();
        var position = 0;
        var count = 0;
        if (pattern is string p)
        {
            var index = str.IndexOf(p, StringComparison.Ordinal);
            while (index != -1 && count < limit)
            {
                sb.Append(str, position, index - position);
                sb.Append(replacement as string);
                position = index + p.Length;
                count++;
                index = str.IndexOf(p, position, StringComparison.Ordinal);
            }

            sb.Append(str, position, str.Length - position);
            return sb.ToString();
        }

        var matches = EvaluateMatcher(env, pattern!, str);
        if (matches is null)
        {
            return str;
        }

        while (matches is not null && count < limit)
        {
            sb.Append(str, position, Math.Max(0, matches.Start - position));
            string? replaced;
            if (replacement is string template)
            {
                replaced = Substitute(template, matches);
            }
            else
            {
                var r = Evaluator.Apply(replacement, [MatchToObject(matches, true)], null, env);
                replaced = r as string ?? throw new JsonataException("D3012") { Value = Describe(r) };
            }

            sb.Append(replaced);
            position = matches.Start + matches.Match.Length;
            count++;
            matches = matches.Next?.Invoke();
        }

        if (position < str.Length)
        {
            sb.Append(str, position, str.Length - position);
        }

        return sb.ToString();
    }

    private static string Substitute(string replacement, MatchResult m)
    {
        var sb = new StringBuilder();
        var position = 0;
        var index = replacement.IndexOf('$', position);
        while (index != -1 && position < replacement.Length)
        {
            sb.Append(replacement, position, index - position);
            position = index + 1;
            var dollarVal = position < replacement.Length ? replacement[position] : '\0';
            if (dollarVal == '$')
            {
                sb.Append('$');
                position++;
            }
            else if (dollarVal == '0')
            {
                sb.Append(m.Match);
                position++;
            }
            else
            {
                var maxDigits = m.Groups.Count == 0 ? 1 : (int)Math.Floor(Math.Log10(m.Groups.Count)) + 1;
                var groupIndex = ParseLeadingInt(replacement, position, maxDigits);
                if (maxDigits > 1 && groupIndex > m.Groups.Count)
                {
                    groupIndex = ParseLeadingInt(replacement, position, maxDigits - 1);
                }

                if (groupIndex is { } gi)
                {
                    if (m.Groups.Count > 0 && gi >= 1 && gi <= m.Groups.Count && m.Groups[gi - 1] is string sub)
                    {
                        sb.Append(sub);
                    }

                    position += gi.ToString(CultureInfo.InvariantCulture).Length;
                }
                else
                {
                    sb.Append('$');
                }
            }

            index = replacement.IndexOf('$', position);
        }

        if (position < replacement.Length)
        {
            sb.Append(replacement, position, replacement.Length - position);
        }

        return sb.ToString();
    }

    private static int? ParseLeadingInt(string s, int start, int maxDigits)
    {
        var end = Math.Min(s.Length, start + maxDigits);
        var i = start;
        while (i < end && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i == start ? null : int.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture);
    }
}
