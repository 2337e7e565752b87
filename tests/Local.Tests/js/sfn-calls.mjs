// Runs a list of Step Functions calls through the AWS SDK for JavaScript v3 and prints one JSON array of results.
// Usage: node sfn-calls.mjs <endpoint> < calls.json, where calls.json is [{"op": "StartExecution", "input": {...}}, ...].
// An op "paginate:<Operation>" walks every page with the SDK's paginator (pageSize from "pageSize").
import { readFileSync } from "node:fs";
import * as sfn from "@aws-sdk/client-sfn";

const client = new sfn.SFNClient({
  endpoint: process.argv[2],
  region: "us-east-1",
  credentials: { accessKeyId: "dummy", secretAccessKey: "dummy" },
  // StartSyncExecution and TestState would otherwise call http://sync-127.0.0.1:port/.
  disableHostPrefix: true,
  maxAttempts: 1,
});

const calls = JSON.parse(readFileSync(0, "utf8"));
const results = [];
for (const call of calls) {
  try {
    if (call.op.startsWith("paginate:")) {
      const pages = [];
      for await (const page of sfn["paginate" + call.op.slice(9)]({ client, pageSize: call.pageSize }, call.input)) {
        delete page.$metadata;
        pages.push(page);
      }
      results.push({ ok: true, output: pages });
    } else {
      const output = await client.send(new sfn[call.op + "Command"](call.input));
      delete output.$metadata;
      results.push({ ok: true, output });
    }
  } catch (e) {
    results.push({ ok: false, name: e.name, message: e.message, status: e.$metadata?.httpStatusCode });
  }
}
process.stdout.write(JSON.stringify(results));
