using System.Text.Json;

namespace Asl;

/// <summary>
/// Checks a JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign…): every <c>.$</c> field holds a
/// path or an intrinsic call, and no two fields share a name once <c>.$</c> is removed. AWS reports these at the field
/// that holds the template, naming the offending key.
/// </summary>
internal static class PayloadTemplates
{
    private const string DynamicSuffix = ".$";

    public static void Check(ValidationSession session, JsonElement template, string location)
    {
        switch (template.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(session, template, location);
                break;
            case JsonValueKind.Array:
                foreach (var item in template.EnumerateArray())
                {
                    Check(session, item, location);
                }

                break;
        }
    }

    /// <summary>The name a template key produces once evaluated.</summary>
    public static string OutputName(string key) =>
        key.EndsWith(DynamicSuffix, StringComparison.Ordinal) ? key[..^DynamicSuffix.Length] : key;

    private static void CheckObject(ValidationSession session, JsonElement template, string location)
    {
        HashSet<string>? names = null;
        foreach (var property in template.EnumerateObject())
        {
            var name = OutputName(property.Name);
            names ??= new HashSet<string>(StringComparer.Ordinal);
            if (!names.Add(name))
            {
                session.Schema(Messages.DuplicateTemplateField(name), location);
            }

            if (name.Length == property.Name.Length)
            {
                Check(session, property.Value, location);
            }
            else if (property.Value.ValueKind != JsonValueKind.String || !PathSyntax.IsPathOrIntrinsic(property.Value.GetString()!))
            {
                session.Schema(Messages.InvalidPathOrIntrinsic(property.Name), location);
            }
        }
    }
}
