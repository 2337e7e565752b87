using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace StandIns;

/// <summary>
/// Installs the Node stand-ins pinned in <c>local/package.json</c> on first use. Several test processes may start at
/// once, so the install runs under an exclusive lock file and the others wait for it, then find it done.
/// </summary>
public static class NodeStandIns
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The script that starts dynalite, relative to <c>local/</c>.</summary>
    internal const string DynaliteScript = "node_modules/dynalite/cli.js";

    /// <summary>The script that starts s3rver, relative to <c>local/</c>.</summary>
    internal const string S3rverScript = "node_modules/s3rver/bin/s3rver.js";

    /// <summary>
    /// Makes sure <c>&lt;repo&gt;/local/node_modules</c> holds the pinned stand-ins, running
    /// <c>npm ci --prefix &lt;repo&gt;/local --ignore-scripts --no-audit --no-fund</c> if it does not.
    /// </summary>
    /// <param name="repositoryRoot">The folder holding <c>Workers.sln</c>; found from the running program when null.</param>
    /// <param name="cancellationToken">Stops waiting for the lock or for npm.</param>
    /// <returns>The <c>local/</c> folder, the working directory for the stand-ins.</returns>
    /// <exception cref="StandInException">npm is missing, fails, or takes longer than five minutes.</exception>
    public static async Task<string> EnsureInstalledAsync(string? repositoryRoot = null, CancellationToken cancellationToken = default)
    {
        var localDir = Path.Combine(repositoryRoot ?? RepositoryRoot.Find(), "local");
        if (IsInstalled(localDir))
        {
            return localDir;
        }

        await using var installLock = await AcquireLockAsync(localDir, cancellationToken).ConfigureAwait(false);
        if (!IsInstalled(localDir))
        {
            await RunNpmCiAsync(localDir, cancellationToken).ConfigureAwait(false);
        }

        return localDir;
    }

    // npm writes node_modules/.package-lock.json last, so its presence means a finished install, not a half-done one.
    private static bool IsInstalled(string localDir) =>
        File.Exists(Path.Combine(localDir, "node_modules", ".package-lock.json"))
        && File.Exists(Path.Combine(localDir, DynaliteScript))
        && File.Exists(Path.Combine(localDir, S3rverScript));

    private static async Task<FileStream> AcquireLockAsync(string localDir, CancellationToken cancellationToken)
    {
        // The lock lives in the temp folder so it never shows up in the working tree; the hash keeps checkouts apart.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(localDir))))[..16];
        var lockPath = Path.Combine(Path.GetTempPath(), $"workers-standins-{hash}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(LockPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new StandInException($"Timed out after {InstallTimeout.TotalMinutes} minutes waiting for another process to install the Node stand-ins (lock {lockPath}).", e);
            }
        }
    }

    private static async Task RunNpmCiAsync(string localDir, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "ci", "--prefix", localDir, "--ignore-scripts", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        var command = $"npm ci --prefix {localDir} --ignore-scripts --no-audit --no-fund";
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new StandInException($"Could not start '{command}'.");
        }
        catch (Win32Exception e)
        {
            throw new StandInException("npm was not found on PATH; install Node.js 20 with npm to run the local stand-ins (dynalite, s3rver).", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(InstallTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new StandInException($"'{command}' did not finish within {InstallTimeout.TotalMinutes} minutes.", e);
            }

            if (process.ExitCode != 0)
            {
                throw new StandInException($"'{command}' failed with exit code {process.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()} {(await stdout.ConfigureAwait(false)).Trim()}");
            }
        }
    }
}
