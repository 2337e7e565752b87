namespace Asl;

/// <summary>Task <c>Resource</c> values: the ARN shape AWS requires, and the integrations an EXPRESS machine cannot use.</summary>
internal static class ResourceArns
{
    /// <summary>True for <c>arn:partition:service:region:account:resource</c>; region and account may be empty.</summary>
    public static bool IsArn(string text)
    {
        var parts = text.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[1].Length > 0 && parts[2].Length > 0 && parts[5].Length > 0
            && !text.Any(char.IsWhiteSpace);
    }

    /// <summary>AWS's message when an EXPRESS machine uses this resource, or null when it may.</summary>
    public static string? ExpressRestriction(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[2] != "states")
        {
            return null;
        }

        var resource = parts[5];
        if (resource.StartsWith("activity:", StringComparison.Ordinal))
        {
            return Messages.ExpressActivity;
        }

        if (resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
        {
            return Messages.ExpressWaitForTaskToken;
        }

        return resource.EndsWith(".sync", StringComparison.Ordinal) || resource.Contains(".sync:", StringComparison.Ordinal)
            ? Messages.ExpressSync
            : null;
    }
}
