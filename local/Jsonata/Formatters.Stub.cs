namespace Jsonata;

internal static class NumberFormatter
{
    public static object? FormatNumber(object? value, string? picture, object? options) => value is null ? null : throw new JsonataException("D3080", "not implemented");
}

internal static class IntegerFormatter
{
    public static object? Format(double value, string picture) => throw new JsonataException("D3130", "not implemented " + value + picture);

    public static object? Parse(string value, string picture) => throw new JsonataException("D3130", "not implemented " + value + picture);
}

internal static class DateTimeFormatter
{
    public static object? FromMillis(double millis, string? picture, string? timezone) =>
        picture is null && timezone is null ? DateTimeOffset.FromUnixTimeMilliseconds((long)millis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) : throw new JsonataException("D3133", "not implemented");

    public static object? ToMillis(string s, string? picture) => throw new JsonataException("D3110", "not implemented " + s + picture);
}
