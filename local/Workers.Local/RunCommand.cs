using System.Text.Encodings.Web;
using System.Text.Json;
using Asl;

namespace Workers.Local;

/// <summary>
/// <c>run FILE.asl.json --input JSON|@file</c>: runs one execution in-process and prints
/// <c>{"status","output","error","cause"}</c>. Exit 0 whatever the execution's status; 2 for an invalid definition,
/// input or arguments (AWS's message on stderr). Tasks are answered by the mock configuration only; an unmocked
/// Task fails the execution with a message naming its resource.
/// </summary>
internal static class RunCommand
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = RunOptions.Parse(args, out var argumentError);
        if (options is null)
        {
            await stderr.WriteLineAsync(argumentError).ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage.Text).ConfigureAwait(false);
            return 2;
        }

        try
        {
            var execution = await ExecuteAsync(options).ConfigureAwait(false);
            await stdout.WriteLineAsync(Describe(execution)).ConfigureAwait(false);
            return 0;
        }
        catch (InvalidDefinitionException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
        }
        catch (AslApiException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            await stderr.WriteLineAsync($"run: {e.Message}").ConfigureAwait(false);
        }

        return 2;
    }

    private static async Task<Execution> ExecuteAsync(RunOptions options)
    {
        var definition = await File.ReadAllTextAsync(options.DefinitionPath).ConfigureAwait(false);
        var input = options.Input.StartsWith('@') ? await File.ReadAllTextAsync(options.Input[1..]).ConfigureAwait(false) : options.Input;
        ITaskHandler tasks = new TaskHandlerRegistry();
        if (options.MockConfigPath is not null)
        {
            tasks = new MockTaskHandler(MockConfiguration.Load(options.MockConfigPath), tasks);
        }

        var engine = new AslEngine(new AslEngineOptions
        {
            Clock = options.RealClock ? RealClock.FromEnvironment() : new VirtualClock(DateTimeOffset.UtcNow),
            TaskHandler = tasks,
        });
        var machine = engine.CreateStateMachine(options.Name, definition);
        var execution = engine.StartExecution(machine, input, testCase: options.TestCase);
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGINT,
            context =>
            {
                context.Cancel = true;
                engine.StopExecution(execution.Arn);
            });
        await execution.Completion.ConfigureAwait(false);
        return execution;
    }

    private static string Describe(Execution execution)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("status", execution.Status switch
            {
                ExecutionStatus.Succeeded => "SUCCEEDED",
                ExecutionStatus.Failed => "FAILED",
                ExecutionStatus.TimedOut => "TIMED_OUT",
                ExecutionStatus.Aborted => "ABORTED",
                _ => "RUNNING",
            });
            if (execution.Status == ExecutionStatus.Succeeded)
            {
                writer.WritePropertyName("output");
                if (execution.Output is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    execution.Output.WriteTo(writer);
                }
            }

            if (execution.Error is not null)
            {
                writer.WriteString("error", execution.Error);
            }

            if (execution.Cause is not null)
            {
                writer.WriteString("cause", execution.Cause);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
