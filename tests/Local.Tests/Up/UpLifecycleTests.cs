namespace Local.Tests.Up;

/// <summary>Stopping <c>up</c> leaves nothing behind.</summary>
public sealed class UpLifecycleTests
{
    [Fact]
    public async Task Terminate_RunningUp_LeavesNoChildProcess()
    {
        var up = await UpProcess.StartAsync();
        await using (up)
        {
            using var response = await up.Api.GetAsync("/orders/warm-up");
            var children = up.Descendants();

            var exitCode = await up.TerminateAsync();

            Assert.Equal(0, exitCode);
            Assert.NotEmpty(children);
            Assert.All(children, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} outlived up"));
        }
    }
}
