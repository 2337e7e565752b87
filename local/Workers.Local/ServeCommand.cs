using System.Globalization;
using System.Runtime.InteropServices;
using StepFunctions.Integrations;
using StepFunctions.Local;

namespace Workers.Local;

/// <summary>
/// <c>serve [--port N] [--data DIR]</c>: only the Step Functions API, a drop-in for Step Functions Local, configured by
/// its environment variables (AWS_ACCOUNT_ID, AWS_DEFAULT_REGION, WAIT_TIME_SCALE, SFN_MOCK_CONFIG, *_ENDPOINT). With
/// <c>--data</c> state machines and STANDARD executions are kept under DIR/stepfunctions and survive a restart.
/// Runs until Ctrl-C or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    private const string Usage = "usage: serve [--port N] [--data DIR]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = StepFunctionsServerOptions.FromEnvironment();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--port" && i + 1 < args.Length
                && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535)
            {
                options = options with { Port = port };
                i++;
            }
            else if (args[i] == "--data" && i + 1 < args.Length && args[i + 1].Length > 0)
            {
                options = options with { DataDirectory = Path.GetFullPath(args[i + 1]) };
                i++;
            }
            else
            {
                await Console.Error.WriteLineAsync($"serve: unexpected argument '{args[i]}'. {Usage}").ConfigureAwait(false);
                return 2;
            }
        }

        // Tasks go to the services named by Step Functions Local's *_ENDPOINT variables (after the mock config, when
        // one is loaded); nested executions come back to this server unless STEP_FUNCTIONS_ENDPOINT says otherwise.
        var integrationOptions = IntegrationOptions.FromEnvironment();
        integrationOptions = integrationOptions with
        {
            StepFunctionsEndpoint = integrationOptions.StepFunctionsEndpoint
                ?? (options.Port == 0 ? null : new Uri($"http://127.0.0.1:{options.Port}")),
        };
        using var integrations = new ServiceIntegrations(integrationOptions);
        options = options with
        {
            TaskHandler = integrations,
            ItemReader = integrations.ItemReader,
            ResultWriter = integrations.ResultWriter,
        };

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        StepFunctionsServer server;
        try
        {
            server = await StepFunctionsServer.StartAsync(options).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // A busy port, an unreadable MockConfigFile or data directory: say which, rather than a stack trace.
            await Console.Error.WriteLineAsync($"serve: cannot start on 127.0.0.1:{options.Port}: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (server)
        {
            Console.WriteLine($"Starting server on port {server.Endpoint.Port} with account {options.AccountId}, region {options.Region}");
            if (options.DataDirectory is { } data)
            {
                Console.WriteLine($"Data directory: {data}");
            }

            if (options.MockConfigPath is { } mocks)
            {
                Console.WriteLine($"Mock configuration: {mocks}");
            }

            Console.WriteLine($"Step Functions API ready at {server.Endpoint.ToString().TrimEnd('/')} (Ctrl-C to stop)");
            await stop.Task.ConfigureAwait(false);
        }

        Console.WriteLine("Step Functions API stopped");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
