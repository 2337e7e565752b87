using System.Globalization;

namespace Workers.Local;

/// <summary>
/// <c>token --sub NAME [--scope S ...] [--minutes N] [--api-port P] [--data DIR] [--audience A]</c>: prints a JWT from
/// the local issuer that the approvals routes of a running <c>up</c> (same port and data folder) accept.
/// </summary>
internal static class TokenCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var line = CommandLine.Parse("token", args);
            var settings = LocalSettings.From(line);
            var subject = line.Value("sub") ?? throw new UsageException("token: --sub NAME is required.");
            var audience = line.Value("audience", LocalSettings.LocalAudience)!;
            var scopes = line.Values("scope");
            var minutesText = line.Value("minutes", "60")!;
            if (!int.TryParse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 1 or > 1440)
            {
                throw new UsageException($"token: --minutes must be a whole number from 1 to 1440, not '{minutesText}'.");
            }

            line.RejectUnknown();
            using var issuer = settings.LoadIssuer();
            await stdout.WriteLineAsync(issuer.MintToken(subject, [audience], TimeSpan.FromMinutes(minutes), scopes)).ConfigureAwait(false);
            return 0;
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage.Text).ConfigureAwait(false);
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            await stderr.WriteLineAsync($"token: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
