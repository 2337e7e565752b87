using System.Globalization;

namespace StandIns;

/// <summary>
/// A running dynalite (DynamoDB stand-in) on a free loopback port, started with <c>--createTableMs 0</c> so tables are
/// ACTIVE at once. Data stays in memory unless a data directory is given. Dispose stops it.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    private readonly StandInProcess _process;

    private DynaliteServer(StandInProcess process)
    {
        _process = process;
        Endpoint = new Uri($"http://127.0.0.1:{process.Port}");
    }

    /// <summary>The endpoint to give an SDK client as its ServiceURL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Installs the stand-ins if needed, then starts
    /// <c>node node_modules/dynalite/cli.js --host 127.0.0.1 --port P --createTableMs 0 [--path DIR]</c>.
    /// </summary>
    /// <param name="dataDirectory">Where dynalite keeps its LevelDB store; in memory when null.</param>
    /// <param name="repositoryRoot">The folder holding <c>Workers.sln</c>; found from the running program when null.</param>
    /// <param name="cancellationToken">Stops the install or the wait for the port.</param>
    /// <exception cref="StandInException">Node is missing, or dynalite does not open its port.</exception>
    public static async Task<DynaliteServer> StartAsync(
        string? dataDirectory = null,
        string? repositoryRoot = null,
        CancellationToken cancellationToken = default)
    {
        var localDir = await NodeStandIns.EnsureInstalledAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);
        if (dataDirectory is not null)
        {
            Directory.CreateDirectory(dataDirectory);
        }

        var process = await StandInProcess.StartAsync(
            "dynalite",
            localDir,
            port =>
            [
                NodeStandIns.DynaliteScript, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
                "--createTableMs", "0", .. dataDirectory is null ? Array.Empty<string>() : ["--path", dataDirectory],
            ],
            new Dictionary<string, string>(),
            cancellationToken).ConfigureAwait(false);
        return new DynaliteServer(process);
    }

    /// <summary>Kills dynalite and its process tree.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
