using System.Globalization;
using System.Text;

namespace Jsonata;

/// <summary>The integer picture language of $formatInteger/$parseInteger (XPath F&amp;O 4.6.1), as the reference implements it.</summary>
internal static class IntegerFormatter
{
    private static readonly string[] Few =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ];

    private static readonly string[] Ordinals =
    [
        "Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
        "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth",
    ];

    private static readonly string[] Decades = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"];
    private static readonly string[] Magnitudes = ["Thousand", "Million", "Billion", "Trillion"];

    private static readonly int[] DecimalGroups =
    [
        0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
        0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
        0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    ];

    private static readonly (int Value, string Numeral)[] RomanNumerals =
    [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
        (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ];

    private static readonly Dictionary<string, double> WordValues = CreateWordValues();

    private static readonly Dictionary<string, (Primary, Case)> NamedFormats = new(StringComparer.Ordinal)
    {
        ["A"] = (Primary.Letters, Case.Upper),
        ["a"] = (Primary.Letters, Case.Lower),
        ["I"] = (Primary.Roman, Case.Upper),
        ["i"] = (Primary.Roman, Case.Lower),
        ["W"] = (Primary.Words, Case.Upper),
        ["Ww"] = (Primary.Words, Case.Title),
        ["w"] = (Primary.Words, Case.Lower),
    };

    public enum Primary
    {
        Decimal,
        Letters,
        Roman,
        Words,
        Sequence,
    }

    public enum Case
    {
        Lower,
        Upper,
        Title,
    }

    public sealed class Separator
    {
        public int Position;
        public string Character = "";
    }

    public sealed class IntegerPicture
    {
        public Primary Primary = Primary.Decimal;
        public Case Case = Case.Lower;
        public bool Ordinal;
        public int ZeroCode = 0x30;
        public int MandatoryDigits;
        public int OptionalDigits;
        public bool Regular;
        public Separator? RegularSeparator;
        public List<Separator> Separators = [];
        public string Token = "";
        public int ParseWidth;
    }

    private static Dictionary<string, double> CreateWordValues()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < Few.Length; i++)
        {
            values[Few[i].ToLowerInvariant()] = i;
        }

        for (var i = 0; i < Ordinals.Length; i++)
        {
            values[Ordinals[i].ToLowerInvariant()] = i;
        }

        for (var i = 0; i < Decades.Length; i++)
        {
            var word = Decades[i].ToLowerInvariant();
            values[word] = (i + 2) * 10;
            values[word[..^1] + "ieth"] = (i + 2) * 10;
        }

        values["hundredth"] = 100;
        for (var i = 0; i < Magnitudes.Length; i++)
        {
            var word = Magnitudes[i].ToLowerInvariant();
            var val = Math.Pow(10, (i + 1) * 3);
            values[word] = val;
            values[word + "th"] = val;
        }

        return values;
    }

    public static object? Format(double value, string picture) => FormatValue(Math.Floor(value), Analyse(picture));

    public static object? Parse(string value, string picture) => Values.Num(ParseValue(value, Analyse(picture)));

    public static string NumberToWords(double value, bool ordinal) => Lookup(value, false, ordinal);

    private static string Lookup(double num, bool prev, bool ord)
    {
        string words;
        if (num <= 19)
        {
            words = (prev ? " and " : "") + (ord ? Ordinals[(int)num] : Few[(int)num]);
        }
        else if (num < 100)
        {
            var tens = (int)Math.Floor(num / 10);
            var remainder = num % 10;
            words = (prev ? " and " : "") + Decades[tens - 2];
            if (remainder > 0)
            {
                words += "-" + Lookup(remainder, false, ord);
            }
            else if (ord)
            {
                words = words[..^1] + "ieth";
            }
        }
        else if (num < 1000)
        {
            var hundreds = (int)Math.Floor(num / 100);
            var remainder = num % 100;
            words = (prev ? ", " : "") + Few[hundreds] + " Hundred";
            if (remainder > 0)
            {
                words += Lookup(remainder, true, ord);
            }
            else if (ord)
            {
                words += "th";
            }
        }
        else
        {
            var mag = (int)Math.Floor(Math.Log10(num) / 3);
            if (mag > Magnitudes.Length)
            {
                mag = Magnitudes.Length;
            }

            var factor = Math.Pow(10, mag * 3);
            var mant = Math.Floor(num / factor);
            var remainder = num - (mant * factor);
            words = (prev ? ", " : "") + Lookup(mant, false, false) + " " + Magnitudes[mag - 1];
            if (remainder > 0)
            {
                words += Lookup(remainder, true, ord);
            }
            else if (ord)
            {
                words += "th";
            }
        }

        return words;
    }

    private static double WordsToNumber(string text)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(text, @",\s|\sand\s|[\s\\-]");
        var segs = new List<double> { 0 };
        foreach (var part in parts)
        {
            var value = WordValues.TryGetValue(part, out var v) ? v : double.NaN;
            if (value < 100 || double.IsNaN(value))
            {
                var top = segs[^1];
                segs.RemoveAt(segs.Count - 1);
                if (top >= 1000)
                {
                    segs.Add(top);
                    top = 0;
                }

                segs.Add(top + value);
            }
            else
            {
                segs[^1] *= value;
            }
        }

        var result = 0.0;
        foreach (var s in segs)
        {
            result += s;
        }

        return result;
    }

    private static string DecimalToRoman(double value)
    {
        var sb = new StringBuilder();
        foreach (var (v, numeral) in RomanNumerals)
        {
            while (value >= v)
            {
                sb.Append(numeral);
                value -= v;
            }
        }

        return sb.ToString();
    }

    private static double RomanToDecimal(string roman)
    {
        var values = new Dictionary<char, int> { ['M'] = 1000, ['D'] = 500, ['C'] = 100, ['L'] = 50, ['X'] = 10, ['V'] = 5, ['I'] = 1 };
        var result = 0;
        var max = 1;
        for (var i = roman.Length - 1; i >= 0; i--)
        {
            var value = values.GetValueOrDefault(roman[i]);
            if (value < max)
            {
                result -= value;
            }
            else
            {
                max = value;
                result += value;
            }
        }

        return result;
    }

    private static string DecimalToLetters(double value, char a)
    {
        var sb = new StringBuilder();
        while (value > 0)
        {
            sb.Insert(0, (char)(((value - 1) % 26) + a));
            value = Math.Floor((value - 1) / 26);
        }

        return sb.ToString();
    }

    private static double LettersToDecimal(string letters, char a)
    {
        var result = 0.0;
        for (var i = 0; i < letters.Length; i++)
        {
            result += (letters[letters.Length - i - 1] - a + 1) * Math.Pow(26, i);
        }

        return result;
    }

    public static string FormatValue(double value, IntegerPicture format)
    {
        string formatted;
        var negative = value < 0;
        value = Math.Abs(value);
        switch (format.Primary)
        {
            case Primary.Letters:
                formatted = DecimalToLetters(value, format.Case == Case.Upper ? 'A' : 'a');
                break;
            case Primary.Roman:
                formatted = DecimalToRoman(value);
                if (format.Case == Case.Upper)
                {
                    formatted = formatted.ToUpperInvariant();
                }

                break;
            case Primary.Words:
                formatted = NumberToWords(value, format.Ordinal);
                if (format.Case == Case.Upper)
                {
                    formatted = formatted.ToUpperInvariant();
                }
                else if (format.Case == Case.Lower)
                {
                    formatted = formatted.ToLowerInvariant();
                }

                break;
            case Primary.Decimal:
                formatted = value.ToString("F0", CultureInfo.InvariantCulture);
                if (format.MandatoryDigits > formatted.Length)
                {
                    formatted = new string('0', format.MandatoryDigits - formatted.Length) + formatted;
                }

                if (format.ZeroCode != 0x30)
                {
                    var sb = new StringBuilder();
                    foreach (var c in formatted)
                    {
                        sb.Append(char.ConvertFromUtf32(c + format.ZeroCode - 0x30));
                    }

                    formatted = sb.ToString();
                }

                if (format.Regular)
                {
                    var sep = format.RegularSeparator!;
                    var n = (formatted.Length - 1) / sep.Position;
                    for (var ii = n; ii > 0; ii--)
                    {
                        var pos = formatted.Length - (ii * sep.Position);
                        formatted = formatted[..pos] + sep.Character + formatted[pos..];
                    }
                }
                else
                {
                    for (var i = format.Separators.Count - 1; i >= 0; i--)
                    {
                        var sep = format.Separators[i];
                        var pos = Math.Max(0, formatted.Length - sep.Position);
                        formatted = formatted[..pos] + sep.Character + formatted[pos..];
                    }
                }

                if (format.Ordinal)
                {
                    var last = formatted[^1];
                    var suffix = last switch
                    {
                        '1' => "st",
                        '2' => "nd",
                        '3' => "rd",
                        _ => "th",
                    };
                    if (formatted.Length > 1 && formatted[^2] == '1')
                    {
                        suffix = "th";
                    }

                    formatted += suffix;
                }

                break;
            default:
                throw new JsonataException("D3130") { Value = format.Token };
        }

        return negative ? "-" + formatted : formatted;
    }

    public static IntegerPicture Analyse(string picture)
    {
        var format = new IntegerPicture();
        string primary;
        var semicolon = picture.LastIndexOf(';');
        if (semicolon == -1)
        {
            primary = picture;
        }
        else
        {
            primary = picture[..semicolon];
            var modifier = picture[(semicolon + 1)..];
            if (modifier.StartsWith('o'))
            {
                format.Ordinal = true;
            }
        }

        if (NamedFormats.TryGetValue(primary, out var named))
        {
            (format.Primary, format.Case) = named;
        }
        else
        {
            AnalyseDecimal(primary, format);
        }

        return format;
    }

    private static void AnalyseDecimal(string primary, IntegerPicture format)
    {
        int? zeroCode = null;
        var mandatory = 0;
        var optional = 0;
        var separators = new List<Separator>();
        var separatorPosition = 0;
        var codePoints = new List<int>();
        for (var i = 0; i < primary.Length; i++)
        {
            var cp = char.ConvertToUtf32(primary, i);
            if (char.IsHighSurrogate(primary[i]))
            {
                i++;
            }

            codePoints.Add(cp);
        }

        codePoints.Reverse();
        foreach (var cp in codePoints)
        {
            var digit = false;
            foreach (var group in DecimalGroups)
            {
                if (cp >= group && cp <= group + 9)
                {
                    digit = true;
                    mandatory++;
                    separatorPosition++;
                    if (zeroCode is null)
                    {
                        zeroCode = group;
                    }
                    else if (zeroCode != group)
                    {
                        throw new JsonataException("D3131");
                    }

                    break;
                }
            }

            if (!digit)
            {
                if (cp == '#')
                {
                    separatorPosition++;
                    optional++;
                }
                else
                {
                    separators.Add(new Separator { Position = separatorPosition, Character = char.ConvertFromUtf32(cp) });
                }
            }
        }

        if (mandatory > 0)
        {
            format.Primary = Primary.Decimal;
            format.ZeroCode = zeroCode!.Value;
            format.MandatoryDigits = mandatory;
            format.OptionalDigits = optional;
            var regular = RegularSeparator(separators);
            if (regular is not null)
            {
                format.Regular = true;
                format.RegularSeparator = regular;
            }
            else
            {
                format.Separators = separators;
            }
        }
        else
        {
            format.Primary = Primary.Sequence;
            format.Token = primary;
        }
    }

    private static Separator? RegularSeparator(List<Separator> separators)
    {
        if (separators.Count == 0)
        {
            return null;
        }

        var ch = separators[0].Character;
        foreach (var s in separators)
        {
            if (s.Character != ch)
            {
                return null;
            }
        }

        var factor = separators[0].Position;
        foreach (var s in separators)
        {
            factor = Gcd(factor, s.Position);
        }

        for (var index = 1; index <= separators.Count; index++)
        {
            if (!separators.Exists(s => s.Position == index * factor))
            {
                return null;
            }
        }

        return new Separator { Position = factor, Character = ch };
    }

    public static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    public static string Regex(IntegerPicture format)
    {
        var upper = format.Case == Case.Upper;
        return format.Primary switch
        {
            Primary.Letters => upper ? "[A-Z]+" : "[a-z]+",
            Primary.Roman => upper ? "[MDCLXVI]+" : "[mdclxvi]+",
            Primary.Words => "(?:" + string.Join("|", WordValues.Keys.Concat(["and", "[\\-, ]"])) + ")+",
            Primary.Decimal => "[0-9]" + (format.ParseWidth > 0 ? "{" + format.ParseWidth.ToString(CultureInfo.InvariantCulture) + "}" : "+") + (format.Ordinal ? "(?:th|st|nd|rd)" : ""),
            _ => throw new JsonataException("D3130") { Value = format.Token },
        };
    }

    public static double ParseValue(string value, IntegerPicture format)
    {
        switch (format.Primary)
        {
            case Primary.Letters:
                return LettersToDecimal(value, format.Case == Case.Upper ? 'A' : 'a');
            case Primary.Roman:
                return RomanToDecimal(value.ToUpperInvariant());
            case Primary.Words:
                return WordsToNumber(value.ToLowerInvariant());
            case Primary.Decimal:
                var digits = value;
                if (format.Ordinal && digits.Length >= 2)
                {
                    digits = digits[..^2];
                }

                if (format.Regular)
                {
                    digits = digits.Replace(format.RegularSeparator!.Character, "", StringComparison.Ordinal);
                }
                else
                {
                    foreach (var sep in format.Separators)
                    {
                        digits = digits.Replace(sep.Character, "", StringComparison.Ordinal);
                    }
                }

                if (format.ZeroCode != 0x30)
                {
                    var sb = new StringBuilder();
                    for (var i = 0; i < digits.Length; i++)
                    {
                        var cp = char.ConvertToUtf32(digits, i);
                        if (char.IsHighSurrogate(digits[i]))
                        {
                            i++;
                        }

                        sb.Append(char.ConvertFromUtf32(cp - format.ZeroCode + 0x30));
                    }

                    digits = sb.ToString();
                }

                var end = 0;
                while (end < digits.Length && char.IsAsciiDigit(digits[end]))
                {
                    end++;
                }

                return end == 0 ? double.NaN : double.Parse(digits[..end], CultureInfo.InvariantCulture);
            default:
                throw new JsonataException("D3130") { Value = format.Token };
        }
    }
}
