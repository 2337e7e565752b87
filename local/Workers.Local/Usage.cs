namespace Workers.Local;

/// <summary>The command line's verbs and what to say when one is unknown.</summary>
internal static class Usage
{
    public const string Text = """
        usage: Workers.Local <verb> [options]
          up (default) [--template template.yaml] [--parameter-overrides K=V ...] [--data DIR] [--api-port 3000] [--sfn-port 8083]
          invoke LOGICAL_ID --event FILE [--template template.yaml] [--parameter-overrides K=V ...]
          token --sub NAME [--scope S ...] [--minutes 60] [--api-port 3000] [--data DIR] [--audience workers-local]
          run FILE.asl.json --input JSON|@file [--name NAME] [--mock-config FILE --test-case CASE] [--clock virtual|real]
          serve [--port N] [--data DIR]
        """;

    public static async Task<int> UnknownVerbAsync(string verb, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"unknown verb '{verb}'.").ConfigureAwait(false);
        await stderr.WriteLineAsync(Text).ConfigureAwait(false);
        return 2;
    }
}
