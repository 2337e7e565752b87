using System.Globalization;

namespace StandIns;

/// <summary>
/// A running s3rver (S3 stand-in) on a free loopback port, storing objects as files in a data directory. It runs with
/// <c>NODE_OPTIONS=--openssl-legacy-provider</c> because its ListObjectsV2 continuation tokens use DES, which
/// Node 20's OpenSSL 3 refuses otherwise. Dispose stops it, and deletes the data directory if it made one.
/// </summary>
public sealed class S3rverServer : IAsyncDisposable
{
    private readonly StandInProcess _process;
    private readonly string? _ownedDataDirectory;

    private S3rverServer(StandInProcess process, string? ownedDataDirectory)
    {
        _process = process;
        _ownedDataDirectory = ownedDataDirectory;
        Endpoint = new Uri($"http://127.0.0.1:{process.Port}");
    }

    /// <summary>The endpoint to give an SDK client as its ServiceURL (use path-style addressing).</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Installs the stand-ins if needed, then starts
    /// <c>node node_modules/s3rver/bin/s3rver.js -d DIR -a 127.0.0.1 -p P --silent</c>.
    /// </summary>
    /// <param name="dataDirectory">Where objects are stored; a fresh temporary folder, deleted on dispose, when null.</param>
    /// <param name="repositoryRoot">The folder holding <c>Workers.sln</c>; found from the running program when null.</param>
    /// <param name="cancellationToken">Stops the install or the wait for the port.</param>
    /// <exception cref="StandInException">Node is missing, or s3rver does not open its port.</exception>
    public static async Task<S3rverServer> StartAsync(
        string? dataDirectory = null,
        string? repositoryRoot = null,
        CancellationToken cancellationToken = default)
    {
        var localDir = await NodeStandIns.EnsureInstalledAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);
        var owned = dataDirectory is null ? Directory.CreateTempSubdirectory("s3rver-").FullName : null;
        var directory = dataDirectory ?? owned!;
        Directory.CreateDirectory(directory);
        try
        {
            var process = await StandInProcess.StartAsync(
                "s3rver",
                localDir,
                port => [NodeStandIns.S3rverScript, "-d", directory, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--silent"],
                new Dictionary<string, string> { ["NODE_OPTIONS"] = "--openssl-legacy-provider" },
                cancellationToken).ConfigureAwait(false);
            return new S3rverServer(process, owned);
        }
        catch
        {
            DeleteOwned(owned);
            throw;
        }
    }

    /// <summary>Kills s3rver and its process tree, then removes a data directory it created itself.</summary>
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        DeleteOwned(_ownedDataDirectory);
    }

    private static void DeleteOwned(string? directory)
    {
        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
