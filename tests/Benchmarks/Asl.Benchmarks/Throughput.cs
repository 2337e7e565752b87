namespace Asl.Benchmarks;

/// <summary>Best-run state transitions per second of wall time and per second of the process's CPU time.</summary>
internal readonly record struct Throughput(double Wall, double Cpu);
