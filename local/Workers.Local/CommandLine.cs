using System.Globalization;

namespace Workers.Local;

/// <summary>
/// A verb's arguments as SAM CLI takes them: positional values, and <c>--name value...</c> options where an option
/// collects every value up to the next <c>--name</c> (so <c>--parameter-overrides A=1 B=2</c> works unquoted).
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandLine(string verb) => Verb = verb;

    public string Verb { get; }

    public List<string> Positional { get; } = [];

    public static CommandLine Parse(string verb, IEnumerable<string> args)
    {
        var line = new CommandLine(verb);
        List<string>? current = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                current = [];
                line._options[arg[2..]] = current;
            }
            else if (current is not null)
            {
                current.Add(arg);
            }
            else
            {
                line.Positional.Add(arg);
            }
        }

        return line;
    }

    /// <summary>Every value given to <c>--name</c>, empty when absent.</summary>
    public IReadOnlyList<string> Values(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var values) ? values : [];
    }

    /// <summary>The one value of <c>--name</c>, or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="UsageException">The option is given without exactly one value.</exception>
    public string? Value(string name, string? fallback = null)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out var values))
        {
            return fallback;
        }

        return values.Count == 1 ? values[0] : throw new UsageException($"{Verb}: --{name} takes one value.");
    }

    /// <summary>A TCP port option (1 to 65535).</summary>
    public int Port(string name, int fallback)
    {
        var text = Value(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new UsageException($"{Verb}: --{name} must be a port from 1 to 65535, not '{text}'.");
    }

    /// <summary>Refuses options the verb never asked about, so a typo is an error rather than silently ignored.</summary>
    public void RejectUnknown()
    {
        if (_options.Keys.FirstOrDefault(name => !_read.Contains(name)) is { } unknown)
        {
            throw new UsageException($"{Verb}: unknown option '--{unknown}'.");
        }
    }
}
