using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>The intrinsic functions' behaviour and argument rules, as AWS documents them.</summary>
internal static class IntrinsicLibrary
{
    /// <summary>Longest string Base64Encode, Base64Decode and Hash accept.</summary>
    public const int MaxDataLength = 10000;

    /// <summary>Most items States.ArrayRange may produce.</summary>
    public const int MaxRangeItems = 1000;

    public static JsonNode? Invoke(IntrinsicCall call, JsonNode?[] args, PathEvaluationContext context)
    {
        var name = call.Name;
        return name switch
        {
            IntrinsicName.Format => Format(call, args),
            IntrinsicName.StringToJson => StringToJson(name, args[0]),
            IntrinsicName.JsonToString => JsonValue.Create(JsonText.Compact(args[0])),
            IntrinsicName.Array => ArrayOf(args),
            IntrinsicName.ArrayPartition => ArrayPartition(name, args[0], args[1]),
            IntrinsicName.ArrayContains => JsonValue.Create(ArrayContains(name, args[0], args[1])),
            IntrinsicName.ArrayRange => ArrayRange(name, args[0], args[1], args[2]),
            IntrinsicName.ArrayGetItem => ArrayGetItem(name, args[0], args[1]),
            IntrinsicName.ArrayLength => JsonValue.Create(RequireArray(name, args[0]).Count),
            IntrinsicName.ArrayUnique => ArrayUnique(name, args[0]),
            IntrinsicName.Base64Encode => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(RequireData(name, args[0])))),
            IntrinsicName.Base64Decode => Base64Decode(name, args[0]),
            IntrinsicName.Hash => Hash(name, args[0], args[1]),
            IntrinsicName.JsonMerge => JsonMerge(name, args[0], args[1], args[2]),
            IntrinsicName.MathRandom => MathRandom(name, args, context),
            IntrinsicName.MathAdd => MathAdd(name, args[0], args[1]),
            IntrinsicName.StringSplit => StringSplit(name, args[0], args[1]),
            _ => JsonValue.Create(NewUuid(context.Random)),
        };
    }

    private static JsonValue Format(IntrinsicCall call, JsonNode?[] args)
    {
        const IntrinsicName name = IntrinsicName.Format;
        string template;
        if (call.Arguments[0] is LiteralArgument { Template: { } literal })
        {
            template = literal;
        }
        else if (!JsonText.TryGetString(args[0], out template))
        {
            throw IntrinsicError.InvalidArguments(name);
        }

        for (var i = 1; i < args.Length; i++)
        {
            if (JsonText.Kind(args[i]) is JsonValueKind.Object or JsonValueKind.Array)
            {
                throw IntrinsicError.InvalidArguments(name);
            }
        }

        var output = new StringBuilder(template.Length + 16);
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\\' && i + 1 < template.Length)
            {
                output.Append(template[++i]);
            }
            else if (c == '{')
            {
                if (i + 1 >= template.Length || template[i + 1] != '}')
                {
                    throw new IntrinsicError("Invalid template in States.Format: matching '}' not found for '{'.");
                }

                if (next >= args.Length)
                {
                    throw IntrinsicError.InvalidArguments(name, "number of arguments do not match the occurrences of {}.");
                }

                output.Append(JsonText.Display(args[next++]));
                i++;
            }
            else
            {
                output.Append(c);
            }
        }

        if (next != args.Length)
        {
            throw IntrinsicError.InvalidArguments(name, "number of arguments do not match the occurrences of {}.");
        }

        return JsonValue.Create(output.ToString());
    }

    private static JsonNode? StringToJson(IntrinsicName name, JsonNode? arg)
    {
        if (!JsonText.TryGetString(arg, out var text) || !JsonText.TryParse(text, out var parsed))
        {
            throw IntrinsicError.InvalidArguments(name);
        }

        return parsed;
    }

    private static JsonArray ArrayOf(JsonNode?[] args)
    {
        var array = new JsonArray();
        foreach (var arg in args)
        {
            array.Add(arg?.DeepClone());
        }

        return array;
    }

    private static JsonArray ArrayPartition(IntrinsicName name, JsonNode? arg, JsonNode? size)
    {
        var array = RequireArray(name, arg);
        var chunk = RequireInt(name, size);
        if (chunk <= 0)
        {
            throw IntrinsicError.InvalidArguments(name, "the chunk size must be a positive integer");
        }

        var result = new JsonArray();
        JsonArray? current = null;
        for (var i = 0; i < array.Count; i++)
        {
            if (i % chunk == 0)
            {
                current = [];
                result.Add(current);
            }

            current!.Add(array[i]?.DeepClone());
        }

        return result;
    }

    private static bool ArrayContains(IntrinsicName name, JsonNode? arg, JsonNode? value)
    {
        foreach (var item in RequireArray(name, arg))
        {
            if (JsonEquality.Instance.Equals(item, value))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonArray ArrayRange(IntrinsicName name, JsonNode? startArg, JsonNode? endArg, JsonNode? stepArg)
    {
        long start = RequireInt(name, startArg);
        long end = RequireInt(name, endArg);
        long step = RequireInt(name, stepArg);
        if (step == 0)
        {
            throw IntrinsicError.InvalidArguments(name, "the step must not be 0");
        }

        var count = (end - start) / step < 0 ? 0 : ((end - start) / step) + 1;
        if (count > MaxRangeItems)
        {
            throw IntrinsicError.InvalidArguments(name, $"the range must not have more than {MaxRangeItems} items");
        }

        var result = new JsonArray();
        for (var i = 0L; i < count; i++)
        {
            result.Add(JsonValue.Create(start + (i * step)));
        }

        return result;
    }

    private static JsonNode? ArrayGetItem(IntrinsicName name, JsonNode? arg, JsonNode? indexArg)
    {
        var array = RequireArray(name, arg);
        var index = RequireInt(name, indexArg);
        if (index < 0 || index >= array.Count)
        {
            throw IntrinsicError.InvalidArguments(name, "the index is out of bounds");
        }

        return array[index];
    }

    private static JsonArray ArrayUnique(IntrinsicName name, JsonNode? arg)
    {
        var array = RequireArray(name, arg);
        var seen = new HashSet<JsonNode?>(JsonEquality.Instance);
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (seen.Add(item))
            {
                result.Add(item?.DeepClone());
            }
        }

        return result;
    }

    private static JsonValue Base64Decode(IntrinsicName name, JsonNode? arg)
    {
        var text = RequireData(name, arg);

        // A MIME decoder ignores characters outside the Base64 alphabet (line breaks and the like).
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
            {
                clean.Append(c);
            }
        }

        if (clean.Length % 4 == 1)
        {
            throw IntrinsicError.InvalidArguments(name, "the input is not valid Base64");
        }

        clean.Append('=', (4 - (clean.Length % 4)) % 4);
        var bytes = Convert.FromBase64String(clean.ToString());
        return JsonValue.Create(Encoding.UTF8.GetString(bytes));
    }

    private static JsonValue Hash(IntrinsicName name, JsonNode? data, JsonNode? algorithmArg)
    {
        var text = JsonText.TryGetString(data, out var s) ? s : JsonText.Compact(data);
        if (text.Length > MaxDataLength)
        {
            throw IntrinsicError.InvalidArguments(name, $"the data must not be longer than {MaxDataLength} characters");
        }

        if (!JsonText.TryGetString(algorithmArg, out var algorithm))
        {
            throw IntrinsicError.InvalidArguments(name);
        }

        return StatesHash.TryCompute(text, algorithm, out var hex)
            ? JsonValue.Create(hex)
            : throw IntrinsicError.InvalidArguments(name, $"the algorithm must be one of {StatesHash.Algorithms}");
    }

    private static JsonObject JsonMerge(IntrinsicName name, JsonNode? left, JsonNode? right, JsonNode? deep)
    {
        if (left is not JsonObject a || right is not JsonObject b || JsonText.Kind(deep) is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw IntrinsicError.InvalidArguments(name);
        }

        if (JsonText.Kind(deep) == JsonValueKind.True)
        {
            throw new IntrinsicError("Currently, Step Functions only supports the shallow merging mode; therefore, you must specify the boolean value as false.");
        }

        var merged = (JsonObject)a.DeepClone();
        foreach (var pair in b)
        {
            merged[pair.Key] = pair.Value?.DeepClone();
        }

        return merged;
    }

    private static JsonValue MathRandom(IntrinsicName name, JsonNode?[] args, PathEvaluationContext context)
    {
        var start = RequireInt(name, args[0]);
        var end = RequireInt(name, args[1]);
        if (start >= end)
        {
            throw IntrinsicError.InvalidArguments(name, "the start must be less than the end");
        }

        var bound = (long)end - start;
        if (args.Length == 3)
        {
            var seeded = new JavaRandom(RequireInt(name, args[2]));
            return JsonValue.Create(bound > int.MaxValue ? start + (long)(seeded.NextInt(int.MaxValue) * (bound / (double)int.MaxValue)) : start + seeded.NextInt((int)bound));
        }

        return JsonValue.Create(context.Random.NextInt64(start, end));
    }

    private static JsonValue MathAdd(IntrinsicName name, JsonNode? a, JsonNode? b)
    {
        var sum = (long)RequireInt(name, a) + RequireInt(name, b);
        if (sum is < int.MinValue or > int.MaxValue)
        {
            throw IntrinsicError.InvalidArguments(name, "the sum must be between -2147483648 and 2147483647");
        }

        return JsonValue.Create((int)sum);
    }

    private static JsonArray StringSplit(IntrinsicName name, JsonNode? textArg, JsonNode? delimiterArg)
    {
        if (!JsonText.TryGetString(textArg, out var text) || !JsonText.TryGetString(delimiterArg, out var delimiters))
        {
            throw IntrinsicError.InvalidArguments(name);
        }

        var result = new JsonArray();

        // string.Split with no separator characters would split on white space; no delimiter means no split.
        var parts = delimiters.Length == 0 ? [text] : text.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (part.Length > 0)
            {
                result.Add(JsonValue.Create(part));
            }
        }

        return result;
    }

    private static string NewUuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    private static JsonArray RequireArray(IntrinsicName name, JsonNode? arg) =>
        arg as JsonArray ?? throw IntrinsicError.InvalidArguments(name);

    private static string RequireData(IntrinsicName name, JsonNode? arg)
    {
        if (!JsonText.TryGetString(arg, out var text))
        {
            throw IntrinsicError.InvalidArguments(name);
        }

        if (text.Length > MaxDataLength)
        {
            throw IntrinsicError.InvalidArguments(name, $"the input must not be longer than {MaxDataLength} characters");
        }

        return text;
    }

    // A number rounded half up (as AWS does for non-integers) that must fit a 32-bit integer.
    private static int RequireInt(IntrinsicName name, JsonNode? arg)
    {
        if (!JsonText.TryGetNumber(arg, out var value))
        {
            throw IntrinsicError.InvalidArguments(name);
        }

        var rounded = JsonText.RoundHalfUp(value);
        if (rounded is < int.MinValue or > int.MaxValue)
        {
            throw IntrinsicError.InvalidArguments(name, "the value must be between -2147483648 and 2147483647");
        }

        return (int)rounded;
    }
}
