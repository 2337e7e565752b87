// Runs the two workloads on aws-local-stepfunctions (library API, validation off) and prints transitions/s as JSON,
// per second of wall time and per second of this process's CPU time (steadier on a shared machine).
// Usage: node -r ./polyfill.cjs bench.cjs <loop.json> <map.json> <runs> <warmups>
const fs = require('fs');
const { StateMachine } = require('aws-local-stepfunctions');

async function measure(definition, input, transitions, runs, warmups) {
  const machine = new StateMachine(definition, { validationOptions: { noValidate: true } });
  let best = Infinity;
  let bestCpu = Infinity;
  for (let run = 0; run < runs + warmups; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const execution = machine.run(input);
    await execution.result;
    const elapsed = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    if (run >= warmups) {
      best = Math.min(best, elapsed);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6);
    }
  }
  return { wall: transitions / best, cpu: transitions / bestCpu };
}

(async () => {
  const [loopFile, mapFile, runsText, warmupsText] = process.argv.slice(2);
  const runs = Number(runsText) || 5;
  const warmups = Number(warmupsText) || 2;
  const loop = JSON.parse(fs.readFileSync(loopFile, 'utf8'));
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  const items = Array.from({ length: 10000 }, (_, i) => i);
  const loopTps = await measure(loop, { i: 0 }, 20001, runs, warmups);
  const mapTps = await measure(map, { items }, 10001, runs, warmups);
  process.stdout.write(JSON.stringify({ loop: loopTps, map: mapTps }) + '\n');
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
