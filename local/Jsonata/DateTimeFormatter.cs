using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jsonata;

/// <summary>$fromMillis/$toMillis: the XPath F&amp;O 9.8 date/time picture language, as the reference implements it.</summary>
internal static class DateTimeFormatter
{
    private const double MillisInADay = 86_400_000;
    private const double MinDateMillis = -62_135_596_800_000;
    private const double MaxDateMillis = 253_402_300_799_999;

    private static readonly string[] Days = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    private static readonly Dictionary<char, string> DefaultPresentation = new()
    {
        ['Y'] = "1", ['M'] = "1", ['D'] = "1", ['d'] = "1", ['F'] = "n", ['W'] = "1", ['w'] = "1", ['X'] = "1",
        ['x'] = "1", ['H'] = "1", ['h'] = "1", ['P'] = "n", ['m'] = "01", ['s'] = "01", ['f'] = "1", ['Z'] = "01:01",
        ['z'] = "01:01", ['C'] = "n", ['E'] = "n",
    };

    private static readonly Regex Iso8601 = new(
        @"^\d{4}(-[01]\d)*(-[0-3]\d)*(T[0-2]\d:[0-5]\d:[0-5]\d)*(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$",
        RegexOptions.CultureInvariant);

    private static readonly Lazy<List<Part>> IsoSpec = new(() => AnalysePicture("[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]"));

    private sealed class Part
    {
        public bool IsLiteral;
        public string Value = "";
        public char Component;
        public int? WidthMin;
        public int? WidthMax;
        public string Presentation1 = "";
        public string? Presentation2;
        public IntegerFormatter.Case? Names;
        public IntegerFormatter.IntegerPicture? IntegerFormat;
        public int N;
    }

    public static object? FromMillis(double millis, string? picture, string? timezone)
    {
        var offsetHours = 0;
        var offsetMinutes = 0;
        if (timezone is not null)
        {
            var offset = ParseIntPrefix(timezone);
            offsetHours = (int)Math.Floor(offset / 100.0);
            offsetMinutes = offset % 100;
        }

        var spec = picture is null ? IsoSpec.Value : AnalysePicture(picture);
        var offsetMillis = ((60 * offsetHours) + offsetMinutes) * 60 * 1000;
        if (!(millis + offsetMillis >= MinDateMillis && millis + offsetMillis <= MaxDateMillis))
        {
            // Years outside 1-9999 are not supported.
            throw new JsonataException("D1001") { Value = Values.NumberToString(millis) };
        }

        var date = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(millis + offsetMillis)).UtcDateTime;
        var sb = new StringBuilder();
        foreach (var part in spec)
        {
            sb.Append(part.IsLiteral ? part.Value : FormatComponent(date, part, offsetHours, offsetMinutes));
        }

        return sb.ToString();
    }

    private static int ParseIntPrefix(string s)
    {
        var m = Regex.Match(s.Trim(), @"^[+-]?\d+");
        return m.Success ? int.Parse(m.Value, CultureInfo.InvariantCulture) : 0;
    }

    private static List<Part> AnalysePicture(string picture)
    {
        var spec = new List<Part>();
        void AddLiteral(int start, int end)
        {
            if (end > start)
            {
                spec.Add(new Part { IsLiteral = true, Value = picture[start..end].Replace("]]", "]", StringComparison.Ordinal) });
            }
        }

        var startPos = 0;
        var pos = 0;
        while (pos < picture.Length)
        {
            if (picture[pos] == '[')
            {
                if (pos + 1 < picture.Length && picture[pos + 1] == '[')
                {
                    AddLiteral(startPos, pos);
                    spec.Add(new Part { IsLiteral = true, Value = "[" });
                    pos += 2;
                    startPos = pos;
                    continue;
                }

                AddLiteral(startPos, pos);
                startPos = pos;
                pos = picture.IndexOf(']', startPos);
                if (pos == -1)
                {
                    throw new JsonataException("D3135");
                }

                var marker = Regex.Replace(picture.Substring(startPos + 1, pos - startPos - 1), @"\s+", "");
                var def = new Part { Component = marker.Length > 0 ? marker[0] : ' ' };
                var comma = marker.LastIndexOf(',');
                string presMod;
                if (comma != -1)
                {
                    var widthMod = marker[(comma + 1)..];
                    var dash = widthMod.IndexOf('-', StringComparison.Ordinal);
                    string? min, max = null;
                    if (dash == -1)
                    {
                        min = widthMod;
                    }
                    else
                    {
                        min = widthMod[..dash];
                        max = widthMod[(dash + 1)..];
                    }

                    def.WidthMin = ParseWidth(min);
                    def.WidthMax = ParseWidth(max);
                    presMod = marker[1..comma];
                }
                else
                {
                    presMod = marker.Length > 1 ? marker[1..] : "";
                }

                if (presMod.Length == 1)
                {
                    def.Presentation1 = presMod;
                }
                else if (presMod.Length > 1)
                {
                    var last = presMod[^1];
                    if ("atco".Contains(last, StringComparison.Ordinal))
                    {
                        def.Presentation2 = last.ToString();
                        def.Presentation1 = presMod[..^1];
                    }
                    else
                    {
                        def.Presentation1 = presMod;
                    }
                }
                else
                {
                    if (!DefaultPresentation.TryGetValue(def.Component, out var dp))
                    {
                        throw new JsonataException("D3132") { Value = def.Component.ToString() };
                    }

                    def.Presentation1 = dp;
                }

                if (def.Presentation1[0] == 'n')
                {
                    def.Names = IntegerFormatter.Case.Lower;
                }
                else if (def.Presentation1[0] == 'N')
                {
                    def.Names = def.Presentation1.Length > 1 && def.Presentation1[1] == 'n' ? IntegerFormatter.Case.Title : IntegerFormatter.Case.Upper;
                }
                else if ("YMDdFWwXxHhmsf".Contains(def.Component, StringComparison.Ordinal))
                {
                    var integerPattern = def.Presentation1;
                    if (def.Presentation2 is not null)
                    {
                        integerPattern += ";" + def.Presentation2;
                    }

                    def.IntegerFormat = IntegerFormatter.Analyse(integerPattern);
                    if (def.WidthMin is { } wmin && def.IntegerFormat.MandatoryDigits < wmin)
                    {
                        def.IntegerFormat.MandatoryDigits = wmin;
                    }

                    if (def.Component == 'Y')
                    {
                        def.N = -1;
                        if (def.WidthMax is { } wmax)
                        {
                            def.N = wmax;
                            def.IntegerFormat.MandatoryDigits = wmax;
                        }
                        else
                        {
                            var w = def.IntegerFormat.MandatoryDigits + def.IntegerFormat.OptionalDigits;
                            if (w >= 2)
                            {
                                def.N = w;
                            }
                        }
                    }

                    if (spec.Count > 0 && spec[^1].IntegerFormat is { } previous)
                    {
                        previous.ParseWidth = previous.MandatoryDigits;
                    }
                }

                if (def.Component is 'Z' or 'z')
                {
                    def.IntegerFormat = IntegerFormatter.Analyse(def.Presentation1);
                }

                spec.Add(def);
                startPos = pos + 1;
            }

            pos++;
        }

        AddLiteral(startPos, pos);
        return spec;
    }

    private static int? ParseWidth(string? wm) =>
        wm is null || wm == "*" || !int.TryParse(wm, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? null : w;

    private static long Utc(int year, int month, int day = 1, int hour = 0, int minute = 0, int second = 0, int ms = 0)
    {
        var y = year + (int)Math.Floor(month / 12.0);
        var m = ((month % 12) + 12) % 12;
        if (y < 1 || y > 9999)
        {
            throw new JsonataException("D3110") { Value = year.ToString(CultureInfo.InvariantCulture) };
        }

        var dt = new DateTime(y, m + 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var millis = new DateTimeOffset(dt).ToUnixTimeMilliseconds();
        return millis + ((day - 1) * (long)MillisInADay) + (hour * 3_600_000L) + (minute * 60_000L) + (second * 1000L) + ms;
    }

    private static long StartOfFirstWeek(int year, int month)
    {
        var jan1 = Utc(year, month);
        var day = (int)DateTimeOffset.FromUnixTimeMilliseconds(jan1).UtcDateTime.DayOfWeek;
        if (day == 0)
        {
            day = 7;
        }

        return day > 4 ? jan1 + ((8 - day) * (long)MillisInADay) : jan1 - ((day - 1) * (long)MillisInADay);
    }

    private static double DeltaWeeks(long start, long end) => ((end - start) / (MillisInADay * 7)) + 1;

    private static object Fragment(DateTime date, char component)
    {
        long startOfWeek1, today;
        double week;
        switch (component)
        {
            case 'Y':
                return (double)date.Year;
            case 'M':
                return (double)date.Month;
            case 'D':
                return (double)date.Day;
            case 'd':
                return (double)date.DayOfYear;
            case 'F':
                var dow = (int)date.DayOfWeek;
                return (double)(dow == 0 ? 7 : dow);
            case 'W':
                startOfWeek1 = StartOfFirstWeek(date.Year, 0);
                today = Utc(date.Year, date.Month - 1, date.Day);
                week = DeltaWeeks(startOfWeek1, today);
                if (week > 52)
                {
                    if (today >= StartOfFirstWeek(date.Year + 1, 0))
                    {
                        week = 1;
                    }
                }
                else if (week < 1)
                {
                    week = DeltaWeeks(StartOfFirstWeek(date.Year - 1, 0), today);
                }

                return Math.Floor(week);
            case 'w':
                startOfWeek1 = StartOfFirstWeek(date.Year, date.Month - 1);
                today = Utc(date.Year, date.Month - 1, date.Day);
                week = DeltaWeeks(startOfWeek1, today);
                if (week > 4)
                {
                    if (today >= StartOfFirstWeek(date.Year, date.Month))
                    {
                        week = 1;
                    }
                }
                else if (week < 1)
                {
                    week = DeltaWeeks(StartOfFirstWeek(date.Year, date.Month - 2), today);
                }

                return Math.Floor(week);
            case 'X':
                var now = new DateTimeOffset(date).ToUnixTimeMilliseconds();
                if (now < StartOfFirstWeek(date.Year, 0))
                {
                    return (double)(date.Year - 1);
                }

                return now >= StartOfFirstWeek(date.Year + 1, 0) ? (double)(date.Year + 1) : (double)date.Year;
            case 'x':
                var nowX = new DateTimeOffset(date).ToUnixTimeMilliseconds();
                var month = date.Month - 1;
                if (nowX < StartOfFirstWeek(date.Year, month))
                {
                    return (double)(((month + 11) % 12) + 1);
                }

                return nowX >= StartOfFirstWeek(date.Year, month + 1) ? (double)(((month + 1) % 12) + 1) : (double)(month + 1);
            case 'H':
                return (double)date.Hour;
            case 'h':
                var h = date.Hour % 12;
                return (double)(h == 0 ? 12 : h);
            case 'P':
                return date.Hour >= 12 ? "pm" : "am";
            case 'm':
                return (double)date.Minute;
            case 's':
                return (double)date.Second;
            case 'f':
                return (double)date.Millisecond;
            case 'C':
            case 'E':
                return "ISO";
            default:
                return 0.0;
        }
    }

    private static string FormatComponent(DateTime date, Part spec, int offsetHours, int offsetMinutes)
    {
        var value = Fragment(date, spec.Component);
        if ("YMDdFWwXxHhms".Contains(spec.Component, StringComparison.Ordinal))
        {
            var number = (double)value;
            if (spec.Component == 'Y' && spec.N != -1)
            {
                number %= Math.Pow(10, spec.N);
            }

            if (spec.Names is { } names)
            {
                string text;
                if (spec.Component is 'M' or 'x')
                {
                    text = Months[(int)number - 1];
                }
                else if (spec.Component == 'F')
                {
                    text = Days[(int)number];
                }
                else
                {
                    throw new JsonataException("D3133") { Value = spec.Component.ToString() };
                }

                if (names == IntegerFormatter.Case.Upper)
                {
                    text = text.ToUpperInvariant();
                }
                else if (names == IntegerFormatter.Case.Lower)
                {
                    text = text.ToLowerInvariant();
                }

                if (spec.WidthMax is { } max && text.Length > max)
                {
                    text = text[..max];
                }

                return text;
            }

            return IntegerFormatter.FormatValue(number, spec.IntegerFormat!);
        }

        if (spec.Component == 'f')
        {
            return IntegerFormatter.FormatValue((double)value, spec.IntegerFormat!);
        }

        if (spec.Component is 'Z' or 'z')
        {
            var offset = (offsetHours * 100) + offsetMinutes;
            string text;
            if (spec.IntegerFormat!.Regular)
            {
                text = IntegerFormatter.FormatValue(offset, spec.IntegerFormat);
            }
            else
            {
                var numDigits = spec.IntegerFormat.MandatoryDigits;
                if (numDigits is 1 or 2)
                {
                    text = IntegerFormatter.FormatValue(offsetHours, spec.IntegerFormat);
                    if (offsetMinutes != 0)
                    {
                        text += ":" + IntegerFormatter.FormatValue(offsetMinutes, IntegerFormatter.Analyse("00"));
                    }
                }
                else if (numDigits is 3 or 4)
                {
                    text = IntegerFormatter.FormatValue(offset, spec.IntegerFormat);
                }
                else
                {
                    throw new JsonataException("D3134") { Value = numDigits.ToString(CultureInfo.InvariantCulture) };
                }
            }

            if (offset >= 0)
            {
                text = "+" + text;
            }

            if (spec.Component == 'z')
            {
                text = "GMT" + text;
            }

            if (offset == 0 && spec.Presentation2 == "t")
            {
                text = "Z";
            }

            return text;
        }

        if (spec.Component == 'P')
        {
            var text = (string)value;
            return spec.Names == IntegerFormatter.Case.Upper ? text.ToUpperInvariant() : text;
        }

        return value as string ?? Values.NumberToString((double)value);
    }

    public static object? ToMillis(string timestamp, string? picture, double nowMillis)
    {
        if (picture is null)
        {
            if (!Iso8601.IsMatch(timestamp))
            {
                throw new JsonataException("D3110") { Value = timestamp };
            }

            return ParseIso(timestamp);
        }

        return ParseDateTime(timestamp, picture, nowMillis);
    }

    private static object? ParseIso(string s)
    {
        var m = Regex.Match(s, @"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant);
        if (!m.Success)
        {
            return null;
        }

        int G(int i, int dflt) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : dflt;
        var ms = 0;
        if (m.Groups[7].Success)
        {
            ms = (int)Math.Floor(double.Parse("0." + m.Groups[7].Value, CultureInfo.InvariantCulture) * 1000);
        }

        var month = G(2, 1);
        var day = G(3, 1);
        if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(G(1, 1970), month))
        {
            return null;
        }

        long millis = Utc(G(1, 1970), month - 1, day, G(4, 0), G(5, 0), G(6, 0), ms);
        if (m.Groups[8].Success && m.Groups[8].Value != "Z")
        {
            var tz = m.Groups[8].Value.Replace(":", "", StringComparison.Ordinal);
            var sign = tz[0] == '-' ? -1 : 1;
            var hours = int.Parse(tz.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(tz.AsSpan(3, 2), CultureInfo.InvariantCulture);
            millis -= sign * ((hours * 60) + minutes) * 60_000L;
        }

        return Values.Num(millis);
    }

    private sealed class Matcher
    {
        public required string Regex;
        public char Component;
        public Func<string, double?>? Parse;
    }

    private static object? ParseDateTime(string timestamp, string picture, double nowMillis)
    {
        var spec = AnalysePicture(picture);
        var matchers = new List<Matcher>();
        foreach (var part in spec)
        {
            matchers.Add(CreateMatcher(part));
        }

        var full = "^" + string.Concat(matchers.Select(m => "(" + m.Regex + ")")) + "$";
        var info = System.Text.RegularExpressions.Regex.Match(timestamp, full, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (!info.Success)
        {
            return null;
        }

        var components = new Dictionary<char, double>();
        for (var i = 1; i < info.Groups.Count; i++)
        {
            var mp = matchers[i - 1];
            if (mp.Parse is not null && mp.Parse(info.Groups[i].Value) is { } v)
            {
                components[mp.Component] = v;
            }
        }

        if (components.Count == 0)
        {
            return null;
        }

        var mask = 0;
        void Shift(bool bit)
        {
            mask <<= 1;
            mask += bit ? 1 : 0;
        }

        bool IsType(int type) => (~type & mask) == 0 && (type & mask) != 0;
        foreach (var c in "YXMxWwdD")
        {
            Shift(components.ContainsKey(c));
        }

        var dateA = IsType(161);
        var dateB = !dateA && IsType(130);
        var dateC = IsType(84);
        var dateD = !dateC && IsType(72);
        mask = 0;
        foreach (var c in "FPHhmsf")
        {
            Shift(components.ContainsKey(c));
        }

        var timeA = IsType(23);
        var timeB = !timeA && IsType(47);
        var dateComps = dateB ? "Yd" : dateC ? "XxwF" : dateD ? "XWF" : "YMD";
        var timeComps = timeB ? "Phmsf" : "Hmsf";
        var now = DateTimeOffset.FromUnixTimeMilliseconds((long)nowMillis).UtcDateTime;
        var startSpecified = false;
        var endSpecified = false;
        foreach (var part in dateComps + timeComps)
        {
            if (!components.ContainsKey(part))
            {
                if (startSpecified)
                {
                    components[part] = "MDd".Contains(part, StringComparison.Ordinal) ? 1 : 0;
                    endSpecified = true;
                }
                else
                {
                    var f = Fragment(now, part);
                    components[part] = f is double d ? d : (string)f == "pm" ? 1 : 0;
                }
            }
            else
            {
                startSpecified = true;
                if (endSpecified)
                {
                    throw new JsonataException("D3136");
                }
            }
        }

        components['M'] = components.TryGetValue('M', out var month) && month > 0 ? month - 1 : 0;
        if (dateB)
        {
            var derived = DateTimeOffset.FromUnixTimeMilliseconds(Utc((int)components['Y'], 0) + (long)((components['d'] - 1) * MillisInADay)).UtcDateTime;
            components['M'] = derived.Month - 1;
            components['D'] = derived.Day;
        }

        if (dateC || dateD)
        {
            throw new JsonataException("D3136");
        }

        if (timeB)
        {
            components['H'] = components['h'] == 12 ? 0 : components['h'];
            if (components['P'] == 1)
            {
                components['H'] += 12;
            }
        }

        double Get(char c) => components.TryGetValue(c, out var v) ? v : 0;
        var millis = (double)Utc((int)Get('Y'), (int)Get('M'), (int)Get('D'), (int)Get('H'), (int)Get('m'), (int)Get('s'), (int)Get('f'));
        var tz = components.TryGetValue('Z', out var z) ? z : components.TryGetValue('z', out var z2) ? z2 : 0;
        millis -= tz * 60 * 1000;
        return Values.Num(millis);
    }

    private static Matcher CreateMatcher(Part part)
    {
        if (part.IsLiteral)
        {
            return new Matcher { Regex = System.Text.RegularExpressions.Regex.Escape(part.Value) };
        }

        if (part.Component is 'Z' or 'z')
        {
            var format = part.IntegerFormat!;
            var separator = format.Regular ? format.RegularSeparator : null;
            var regex = part.Component == 'z' ? "GMT" : "";
            regex += "[-+][0-9]+";
            if (separator is not null)
            {
                regex += System.Text.RegularExpressions.Regex.Escape(separator.Character) + "[0-9]+";
            }

            return new Matcher
            {
                Regex = regex,
                Component = part.Component,
                Parse = value =>
                {
                    if (part.Component == 'z')
                    {
                        value = value[3..];
                    }

                    int hours, minutes = 0;
                    if (separator is not null)
                    {
                        var at = value.IndexOf(separator.Character, StringComparison.Ordinal);
                        hours = int.Parse(value[..at], CultureInfo.InvariantCulture);
                        minutes = int.Parse(value[(at + 1)..], CultureInfo.InvariantCulture);
                    }
                    else if (value.Length - 1 <= 2)
                    {
                        hours = int.Parse(value, CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        hours = int.Parse(value[..3], CultureInfo.InvariantCulture);
                        minutes = int.Parse(value[3..], CultureInfo.InvariantCulture);
                    }

                    return (hours * 60) + minutes;
                },
            };
        }

        if (part.IntegerFormat is { } integerFormat)
        {
            return new Matcher
            {
                Regex = IntegerFormatter.Regex(integerFormat),
                Component = part.Component,
                Parse = value => IntegerFormatter.ParseValue(part.Component == 'f' && value.Length > 3 ? value[..3] : value, integerFormat),
            };
        }

        var lookup = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (part.Component is 'M' or 'x')
        {
            for (var i = 0; i < Months.Length; i++)
            {
                lookup[part.WidthMax is { } max ? Months[i][..Math.Min(max, Months[i].Length)] : Months[i]] = i + 1;
            }
        }
        else if (part.Component == 'F')
        {
            for (var i = 1; i < Days.Length; i++)
            {
                lookup[part.WidthMax is { } max ? Days[i][..Math.Min(max, Days[i].Length)] : Days[i]] = i;
            }
        }
        else if (part.Component == 'P')
        {
            lookup["am"] = 0;
            lookup["pm"] = 1;
        }
        else
        {
            throw new JsonataException("D3133") { Value = part.Component.ToString() };
        }

        return new Matcher
        {
            Regex = "[a-zA-Z]+",
            Component = part.Component,
            Parse = value => lookup.TryGetValue(value, out var v) ? v : null,
        };
    }
}
