using System.Globalization;
using System.Text;

namespace Jsonata;

/// <summary>$formatNumber: the XPath F&amp;O 4.7 decimal picture language, as the reference implements it.</summary>
internal static class NumberFormatter
{
    private sealed class Properties
    {
        public string DecimalSeparator = ".";
        public string GroupingSeparator = ",";
        public string ExponentSeparator = "e";
        public string MinusSign = "-";
        public string Percent = "%";
        public string PerMille = "\u2030";
        public string ZeroDigit = "0";
        public string Digit = "#";
        public string PatternSeparator = ";";
    }

    private sealed class Parts
    {
        public string Prefix = "";
        public string Suffix = "";
        public string ActivePart = "";
        public string MantissaPart = "";
        public string? ExponentPart;
        public string IntegerPart = "";
        public string FractionalPart = "";
        public string SubPicture = "";
    }

    private sealed class Picture
    {
        public List<int> IntegerPartGroupingPositions = [];
        public int RegularGrouping;
        public int MinimumIntegerPartSize;
        public int ScalingFactor;
        public string Prefix = "";
        public List<int> FractionalPartGroupingPositions = [];
        public int MinimumFractionalPartSize;
        public int MaximumFractionalPartSize;
        public int MinimumExponentSize;
        public string Suffix = "";
        public string Text = "";
    }

    public static object? FormatNumber(object? valueArg, string? picture, object? options)
    {
        if (valueArg is not double value || picture is null)
        {
            return null;
        }

        var p = new Properties();
        if (options is not null && Values.IsObject(options))
        {
            foreach (var kv in Values.Entries(options))
            {
                if (kv.Value is not string s)
                {
                    continue;
                }

                switch (kv.Key)
                {
                    case "decimal-separator": p.DecimalSeparator = s; break;
                    case "grouping-separator": p.GroupingSeparator = s; break;
                    case "exponent-separator": p.ExponentSeparator = s; break;
                    case "minus-sign": p.MinusSign = s; break;
                    case "percent": p.Percent = s; break;
                    case "per-mille": p.PerMille = s; break;
                    case "zero-digit": p.ZeroDigit = s; break;
                    case "digit": p.Digit = s; break;
                    case "pattern-separator": p.PatternSeparator = s; break;
                }
            }
        }

        var family = new List<string>();
        var zeroChar = p.ZeroDigit[0];
        for (var i = 0; i < 10; i++)
        {
            family.Add(((char)(zeroChar + i)).ToString());
        }

        var active = new List<string>(family) { p.DecimalSeparator, p.ExponentSeparator, p.GroupingSeparator, p.Digit, p.PatternSeparator };
        var subPictures = picture.Split(p.PatternSeparator);
        if (subPictures.Length > 2)
        {
            throw new JsonataException("D3080");
        }

        var parts = subPictures.Select(sp => SplitParts(sp, p, active)).ToList();
        foreach (var part in parts)
        {
            Validate(part, p, family, active);
        }

        var pictures = parts.Select(part => Analyse(part, p, family)).ToList();
        if (pictures.Count == 1)
        {
            var first = pictures[0];
            pictures.Add(new Picture
            {
                IntegerPartGroupingPositions = first.IntegerPartGroupingPositions,
                RegularGrouping = first.RegularGrouping,
                MinimumIntegerPartSize = first.MinimumIntegerPartSize,
                ScalingFactor = first.ScalingFactor,
                Prefix = p.MinusSign + first.Prefix,
                FractionalPartGroupingPositions = first.FractionalPartGroupingPositions,
                MinimumFractionalPartSize = first.MinimumFractionalPartSize,
                MaximumFractionalPartSize = first.MaximumFractionalPartSize,
                MinimumExponentSize = first.MinimumExponentSize,
                Suffix = first.Suffix,
                Text = first.Text,
            });
        }

        var pic = value >= 0 ? pictures[0] : pictures[1];
        double adjusted;
        if (pic.Text.Contains(p.Percent, StringComparison.Ordinal))
        {
            adjusted = value * 100;
        }
        else if (pic.Text.Contains(p.PerMille, StringComparison.Ordinal))
        {
            adjusted = value * 1000;
        }
        else
        {
            adjusted = value;
        }

        double mantissa;
        int? exponent = null;
        if (pic.MinimumExponentSize == 0)
        {
            mantissa = adjusted;
        }
        else
        {
            var maxMantissa = Math.Pow(10, pic.ScalingFactor);
            var minMantissa = Math.Pow(10, pic.ScalingFactor - 1);
            mantissa = Math.Abs(adjusted);
            var e = 0;
            while (mantissa != 0 && mantissa < minMantissa)
            {
                mantissa *= 10;
                e--;
            }

            while (mantissa > maxMantissa)
            {
                mantissa /= 10;
                e++;
            }

            exponent = e;
        }

        var rounded = Builtins.Round(mantissa, pic.MaximumFractionalPartSize);
        var stringValue = MakeString(rounded, pic.MaximumFractionalPartSize, p, family);
        var decimalPos = stringValue.IndexOf('.', StringComparison.Ordinal);
        stringValue = decimalPos == -1 ? stringValue + p.DecimalSeparator : ReplaceFirst(stringValue, ".", p.DecimalSeparator);
        while (stringValue.StartsWith(p.ZeroDigit, StringComparison.Ordinal))
        {
            stringValue = stringValue[p.ZeroDigit.Length..];
        }

        while (stringValue.EndsWith(p.ZeroDigit, StringComparison.Ordinal))
        {
            stringValue = stringValue[..^p.ZeroDigit.Length];
        }

        decimalPos = stringValue.IndexOf(p.DecimalSeparator, StringComparison.Ordinal);
        var padLeft = pic.MinimumIntegerPartSize - decimalPos;
        var padRight = pic.MinimumFractionalPartSize - (stringValue.Length - decimalPos - 1);
        stringValue = Repeat(p.ZeroDigit, padLeft) + stringValue + Repeat(p.ZeroDigit, padRight);
        decimalPos = stringValue.IndexOf(p.DecimalSeparator, StringComparison.Ordinal);
        if (pic.RegularGrouping > 0)
        {
            var groupCount = (decimalPos - 1) / pic.RegularGrouping;
            for (var group = 1; group <= groupCount; group++)
            {
                var at = decimalPos - (group * pic.RegularGrouping);
                stringValue = stringValue[..at] + p.GroupingSeparator + stringValue[at..];
            }
        }
        else
        {
            foreach (var pos in pic.IntegerPartGroupingPositions)
            {
                var at = Math.Max(0, decimalPos - pos);
                stringValue = stringValue[..at] + p.GroupingSeparator + stringValue[at..];
                decimalPos++;
            }
        }

        decimalPos = stringValue.IndexOf(p.DecimalSeparator, StringComparison.Ordinal);
        foreach (var pos in pic.FractionalPartGroupingPositions)
        {
            var at = Math.Min(stringValue.Length, pos + decimalPos + 1);
            stringValue = stringValue[..at] + p.GroupingSeparator + stringValue[at..];
        }

        decimalPos = stringValue.IndexOf(p.DecimalSeparator, StringComparison.Ordinal);
        if (pic.FractionalPartGroupingPositions.Count == 0 && (pic.MaximumFractionalPartSize == 0 || decimalPos == stringValue.Length - 1))
        {
            stringValue = stringValue[..^1];
        }

        if (exponent is { } ex)
        {
            var stringExponent = MakeString(ex, 0, p, family);
            stringExponent = Repeat(p.ZeroDigit, pic.MinimumExponentSize - stringExponent.Length) + stringExponent;
            stringValue = stringValue + p.ExponentSeparator + (ex < 0 ? p.MinusSign : "") + stringExponent;
        }

        return pic.Prefix + stringValue + pic.Suffix;
    }

    private static string ReplaceFirst(string s, string find, string replacement)
    {
        var i = s.IndexOf(find, StringComparison.Ordinal);
        return i < 0 ? s : s[..i] + replacement + s[(i + find.Length)..];
    }

    private static string Repeat(string s, int count)
    {
        if (count <= 0)
        {
            return "";
        }

        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(s);
        }

        return sb.ToString();
    }

    private static string MakeString(double value, int dp, Properties p, List<string> family)
    {
        var str = Math.Abs(value).ToString("F" + dp.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (p.ZeroDigit != "0")
        {
            var sb = new StringBuilder();
            foreach (var c in str)
            {
                sb.Append(c is >= '0' and <= '9' ? family[c - '0'] : c.ToString());
            }

            str = sb.ToString();
        }

        return str;
    }

    private static Parts SplitParts(string sub, Properties p, List<string> active)
    {
        bool IsActive(char c) => active.Contains(c.ToString()) && c.ToString() != p.ExponentSeparator;
        var prefixEnd = sub.Length;
        for (var i = 0; i < sub.Length; i++)
        {
            if (IsActive(sub[i]))
            {
                prefixEnd = i;
                break;
            }
        }

        var suffixStart = sub.Length;
        for (var i = sub.Length - 1; i >= 0; i--)
        {
            if (IsActive(sub[i]))
            {
                suffixStart = i + 1;
                break;
            }
        }

        var hasActive = prefixEnd < sub.Length;
        var prefix = hasActive ? sub[..prefixEnd] : "";
        var suffix = hasActive ? sub[suffixStart..] : "";
        var activePart = sub.Substring(prefix.Length, Math.Max(0, sub.Length - suffix.Length - prefix.Length));
        string mantissa;
        string? exponentPart;
        var exponentPosition = sub.IndexOf(p.ExponentSeparator, prefix.Length, StringComparison.Ordinal);
        if (exponentPosition == -1 || exponentPosition > sub.Length - suffix.Length)
        {
            mantissa = activePart;
            exponentPart = null;
        }
        else
        {
            mantissa = activePart[..Math.Min(activePart.Length, exponentPosition)];
            exponentPart = exponentPosition + 1 <= activePart.Length ? activePart[(exponentPosition + 1)..] : "";
        }

        string integerPart, fractionalPart;
        var decimalPosition = mantissa.IndexOf(p.DecimalSeparator, StringComparison.Ordinal);
        if (decimalPosition == -1)
        {
            integerPart = mantissa;
            fractionalPart = suffix;
        }
        else
        {
            integerPart = mantissa[..decimalPosition];
            fractionalPart = mantissa[(decimalPosition + 1)..];
        }

        return new Parts
        {
            Prefix = prefix,
            Suffix = suffix,
            ActivePart = activePart,
            MantissaPart = mantissa,
            ExponentPart = exponentPart,
            IntegerPart = integerPart,
            FractionalPart = fractionalPart,
            SubPicture = sub,
        };
    }

    private static int CountIn(string s, Func<string, bool> predicate)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (predicate(c.ToString()))
            {
                n++;
            }
        }

        return n;
    }

    private static void Validate(Parts parts, Properties p, List<string> family, List<string> active)
    {
        string? error = null;
        var sub = parts.SubPicture;
        var decimalPos = sub.IndexOf(p.DecimalSeparator, StringComparison.Ordinal);
        if (decimalPos != sub.LastIndexOf(p.DecimalSeparator, StringComparison.Ordinal))
        {
            error = "D3081";
        }

        if (sub.IndexOf(p.Percent, StringComparison.Ordinal) != sub.LastIndexOf(p.Percent, StringComparison.Ordinal))
        {
            error = "D3082";
        }

        if (sub.IndexOf(p.PerMille, StringComparison.Ordinal) != sub.LastIndexOf(p.PerMille, StringComparison.Ordinal))
        {
            error = "D3083";
        }

        if (sub.Contains(p.Percent, StringComparison.Ordinal) && sub.Contains(p.PerMille, StringComparison.Ordinal))
        {
            error = "D3084";
        }

        if (CountIn(parts.MantissaPart, c => family.Contains(c) || c == p.Digit) == 0)
        {
            error = "D3085";
        }

        if (CountIn(parts.ActivePart, c => !active.Contains(c)) > 0)
        {
            error = "D3086";
        }

        if (decimalPos != -1)
        {
            if ((decimalPos > 0 && sub[decimalPos - 1].ToString() == p.GroupingSeparator) || (decimalPos + 1 < sub.Length && sub[decimalPos + 1].ToString() == p.GroupingSeparator))
            {
                error = "D3087";
            }
        }
        else if (parts.IntegerPart.EndsWith(p.GroupingSeparator, StringComparison.Ordinal))
        {
            error = "D3088";
        }

        if (sub.Contains(p.GroupingSeparator + p.GroupingSeparator, StringComparison.Ordinal))
        {
            error = "D3089";
        }

        var optionalDigitPos = parts.IntegerPart.IndexOf(p.Digit, StringComparison.Ordinal);
        if (optionalDigitPos != -1 && CountIn(parts.IntegerPart[..optionalDigitPos], family.Contains) > 0)
        {
            error = "D3090";
        }

        optionalDigitPos = parts.FractionalPart.LastIndexOf(p.Digit, StringComparison.Ordinal);
        if (optionalDigitPos != -1 && CountIn(parts.FractionalPart[optionalDigitPos..], family.Contains) > 0)
        {
            error = "D3091";
        }

        var exponentExists = parts.ExponentPart is not null;
        if (exponentExists && parts.ExponentPart!.Length > 0 && (sub.Contains(p.Percent, StringComparison.Ordinal) || sub.Contains(p.PerMille, StringComparison.Ordinal)))
        {
            error = "D3092";
        }

        if (exponentExists && (parts.ExponentPart!.Length == 0 || CountIn(parts.ExponentPart, c => !family.Contains(c)) > 0))
        {
            error = "D3093";
        }

        if (error is not null)
        {
            throw new JsonataException(error);
        }
    }

    private static Picture Analyse(Parts parts, Properties p, List<string> family)
    {
        List<int> GroupingPositions(string part, bool toLeft)
        {
            var positions = new List<int>();
            var groupingPosition = part.IndexOf(p.GroupingSeparator, StringComparison.Ordinal);
            while (groupingPosition != -1)
            {
                var segment = toLeft ? part[..groupingPosition] : part[groupingPosition..];
                positions.Add(CountIn(segment, c => family.Contains(c) || c == p.Digit));
                groupingPosition = groupingPosition + 1 <= parts.IntegerPart.Length
                    ? parts.IntegerPart.IndexOf(p.GroupingSeparator, groupingPosition + 1, StringComparison.Ordinal)
                    : -1;
            }

            return positions;
        }

        var integerPositions = GroupingPositions(parts.IntegerPart, false);
        var regular = 0;
        if (integerPositions.Count > 0)
        {
            var factor = integerPositions[0];
            foreach (var i in integerPositions)
            {
                factor = IntegerFormatter.Gcd(factor, i);
            }

            regular = factor;
            for (var index = 1; index <= integerPositions.Count; index++)
            {
                if (!integerPositions.Contains(index * factor))
                {
                    regular = 0;
                    break;
                }
            }
        }

        var fractionalPositions = GroupingPositions(parts.FractionalPart, true);
        var minInt = CountIn(parts.IntegerPart, family.Contains);
        var scaling = minInt;
        var minFrac = CountIn(parts.FractionalPart, family.Contains);
        var maxFrac = CountIn(parts.FractionalPart, c => family.Contains(c) || c == p.Digit);
        var exponentPresent = parts.ExponentPart is not null;
        if (minInt == 0 && maxFrac == 0)
        {
            if (exponentPresent)
            {
                minFrac = 1;
                maxFrac = 1;
            }
            else
            {
                minInt = 1;
            }
        }

        if (exponentPresent && minInt == 0 && parts.IntegerPart.Contains(p.Digit, StringComparison.Ordinal))
        {
            minInt = 1;
        }

        if (minInt == 0 && minFrac == 0)
        {
            minFrac = 1;
        }

        var minExp = exponentPresent ? CountIn(parts.ExponentPart!, family.Contains) : 0;
        return new Picture
        {
            IntegerPartGroupingPositions = integerPositions,
            RegularGrouping = regular,
            MinimumIntegerPartSize = minInt,
            ScalingFactor = scaling,
            Prefix = parts.Prefix,
            FractionalPartGroupingPositions = fractionalPositions,
            MinimumFractionalPartSize = minFrac,
            MaximumFractionalPartSize = maxFrac,
            MinimumExponentSize = minExp,
            Suffix = parts.Suffix,
            Text = parts.SubPicture,
        };
    }
}
