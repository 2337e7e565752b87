using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Asl.JsonPath;
using Jsonata;

namespace Asl;

/// <summary>
/// The functions Step Functions adds to JSONata: <c>$partition</c>, <c>$range</c>, <c>$hash</c>, <c>$random</c>,
/// <c>$uuid</c> and <c>$parse</c>. Randomness comes from the execution's seedable random source.
/// </summary>
internal static class JsonataFunctions
{
    /// <summary>Most items <c>$range</c> builds, so one call cannot exhaust memory.</summary>
    public const int MaxRangeItems = 1_000_000;

    private const string ErrorCode = "D3137";

    public static void Register(JsonataBindings bindings, Random random)
    {
        bindings
            .Function("partition", "<an:a>", args => Partition(args[0].Value, Number(args[1])))
            .Function("range", "<nnn:a>", args => Range(Number(args[0]), Number(args[1]), Number(args[2])))
            .Function("hash", "<ss:s>", args => Hash(Text(args[0]), Text(args[1])))
            .Function("random", "<n?:n>", args => Value(args.Count > 0 && !args[0].IsUndefined ? SeededRandom(Number(args[0])) : random.NextDouble()))
            .Function("uuid", "<:s>", _ => Value(Uuid(random)))
            .Function("parse", "<s:x>", args => Parse(Text(args[0])));
    }

    private static JsonataResult Partition(JsonNode? array, double size)
    {
        if (size < 1 || size != Math.Floor(size))
        {
            throw Fail($"The size argument of $partition must be a positive integer, but was {Format(size)}");
        }

        var items = array as JsonArray ?? [array?.DeepClone()];
        var chunk = (int)Math.Min(size, int.MaxValue);
        var result = new JsonArray();
        for (var start = 0; start < items.Count; start += chunk)
        {
            var part = new JsonArray();
            for (var i = start; i < Math.Min(items.Count, start + chunk); i++)
            {
                part.Add(items[i]?.DeepClone());
            }

            result.Add(part);
        }

        return JsonataResult.FromValue(result);
    }

    private static JsonataResult Range(double start, double end, double step)
    {
        if (step == 0 || double.IsNaN(step))
        {
            throw Fail("The step argument of $range must not be zero");
        }

        var count = Math.Floor((end - start) / step) + 1;
        if (count > MaxRangeItems)
        {
            throw Fail($"The $range function would produce {Format(count)} items, more than the maximum of {MaxRangeItems}");
        }

        var result = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            result.Add(JsonValue.Create(start + (i * step)));
        }

        return JsonataResult.FromValue(result);
    }

    private static JsonataResult Hash(string data, string algorithm)
    {
        return StatesHash.TryCompute(data, algorithm, out var hex)
            ? Value(hex)
            : throw Fail($"The hashing algorithm '{algorithm}' is not supported. Supported algorithms: {StatesHash.Algorithms}");
    }

    private static double SeededRandom(double seed) =>
        new Random(unchecked((int)(long)seed)).NextDouble();

    private static string Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    private static JsonataResult Parse(string text)
    {
        try
        {
            return JsonataResult.FromValue(JsonNode.Parse(text));
        }
        catch (JsonException e)
        {
            throw Fail($"The $parse function could not parse its argument as JSON: {e.Message}");
        }
    }

    private static double Number(JsonataResult argument) =>
        argument.Value is JsonValue v && v.TryGetValue<double>(out var number) ? number : double.NaN;

    private static string Text(JsonataResult argument) =>
        argument.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text : string.Empty;

    private static JsonataResult Value<T>(T value) => JsonataResult.FromValue(JsonValue.Create(value));

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonataException Fail(string message) => new(ErrorCode, message);
}
