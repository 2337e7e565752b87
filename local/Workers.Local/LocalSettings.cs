using Template;

namespace Workers.Local;

/// <summary>
/// What <c>up</c>, <c>invoke</c> and <c>token</c> share: the template and its overrides, the data folder, the ports,
/// and the local values of the parameters that name the identity provider (the local issuer on the API's port).
/// </summary>
internal sealed record LocalSettings(string TemplatePath, IReadOnlyDictionary<string, string> Overrides, string? DataDirectory, int ApiPort, int SfnPort)
{
    /// <summary>The audience the local issuer's tokens carry and the approvals routes accept, unless overridden.</summary>
    public const string LocalAudience = "workers-local";

    /// <summary>The template's folder: code, state machine files and <c>local/package.json</c> are found from it.</summary>
    public string RootDirectory => Path.GetDirectoryName(Path.GetFullPath(TemplatePath))!;

    /// <summary>
    /// Where state that must outlive one command lives (the local issuer's key): the data folder, else a per-user
    /// folder, so a token printed by <c>token</c> is accepted by an <c>up</c> started without <c>--data</c>.
    /// </summary>
    public string StateDirectory => DataDirectory is { } data
        ? Path.GetFullPath(data)
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "workers-local");

    /// <summary>The local issuer's URL on the API's port.</summary>
    public string IssuerUrl => HttpApi.LocalIssuer.UrlFor(ApiPort);

    public static LocalSettings From(CommandLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        IReadOnlyDictionary<string, string> overrides;
        try
        {
            overrides = ParameterOverrides.Parse(line.Values("parameter-overrides"));
        }
        catch (FormatException e)
        {
            throw new UsageException($"{line.Verb}: --parameter-overrides: {e.Message}");
        }

        return new LocalSettings(
            line.Value("template", "template.yaml")!,
            overrides,
            line.Value("data"),
            line.Port("api-port", 3000),
            line.Port("sfn-port", 8083));
    }

    /// <summary>Reads the template with the local issuer and audience filled in where the user gave none.</summary>
    /// <exception cref="TemplateException">The template is invalid (errors carry line and column).</exception>
    public async Task<SamTemplate> LoadTemplateAsync(CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JwtIssuer"] = IssuerUrl,
            ["JwtAudience"] = LocalAudience,
        };
        foreach (var (key, value) in Overrides)
        {
            parameters[key] = value;
        }

        return await SamTemplate.LoadAsync(TemplatePath, new TemplateOptions { ParameterOverrides = parameters }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The local issuer whose key is kept in <see cref="StateDirectory"/>.</summary>
    public HttpApi.LocalIssuer LoadIssuer()
    {
        var directory = StateDirectory;
        try
        {
            return HttpApi.LocalIssuer.LoadOrCreate(directory, IssuerUrl);
        }
        catch (IOException)
        {
            // Two commands creating the key at the same moment: the loser reads the winner's key.
            return HttpApi.LocalIssuer.LoadOrCreate(directory, IssuerUrl);
        }
    }
}
