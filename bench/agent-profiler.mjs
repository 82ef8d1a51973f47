// What v8.GCProfiler costs the demo receiver: paired runs of the receiver with the agent
// as shipped, and with a copy of the agent whose GC profiler never starts (patched in a
// temporary directory, never in dist/). Both agents report to a socket that only reads.
// The load runs as fast as acks allow for LOAD_MS; prints the median paired ratio of
// receiver CPU per message and of throughput, with a seeded bootstrap 95% interval.
// Run: npm run build && node bench/agent-profiler.mjs [pairs]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrap, median } from './bootstrap.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAIRS = Number(process.argv[2] ?? 10);
const LOAD_MS = 5000;
const CLOCK_TICKS =
  Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const work = mkdtempSync(path.join(tmpdir(), 'rssdoctor-bench-agent-'));
const shipped = path.join(root, 'dist/agent/agent.cjs');
const patchedDir = path.join(work, 'agent');
cpSync(path.join(root, 'dist/agent'), patchedDir, { recursive: true });
const watchFile = path.join(patchedDir, 'gc-watch.cjs');
const source = readFileSync(watchFile, 'utf8');
const patched = source.replace('#restart() {', '#restart() {\n        return;');
if (patched === source)
  throw new Error('bench: could not patch gc-watch.cjs; has GcWatch#restart moved?');
writeFileSync(watchFile, patched);
const withoutProfiler = path.join(patchedDir, 'agent.cjs');

const socketPath = path.join(work, 'agent.sock');
const server = net.createServer((socket) => socket.resume());
await new Promise((resolve) => server.listen(socketPath, resolve));

function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

async function trial(agentPath) {
  const portFile = path.join(work, 'port');
  rmSync(portFile, { force: true });
  const env = {
    ...process.env,
    NODE_OPTIONS: `--require ${agentPath}`,
    RSSDOCTOR_AGENT_SOCKET: socketPath,
  };
  const receiver = spawn(
    process.execPath,
    [path.join(root, 'dist/demo/receiver.js'), '--port-file', portFile],
    {
      env,
      stdio: 'ignore',
      detached: true,
    },
  );
  let port = 0;
  while (port === 0) {
    await sleep(50);
    try {
      port = Number(readFileSync(portFile, 'utf8'));
    } catch {
      // not yet
    }
  }
  await sleep(1000);
  const summaryFile = path.join(work, 'load.json');
  const before = cpuMs(receiver.pid);
  spawnSync(process.execPath, [
    path.join(root, 'dist/demo/load.js'),
    '--port',
    String(port),
    '--rate',
    '0',
    '--duration-ms',
    String(LOAD_MS),
    '--summary-file',
    summaryFile,
  ]);
  const after = cpuMs(receiver.pid);
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  receiver.kill('SIGKILL');
  await new Promise((resolve) => receiver.once('exit', resolve));
  return {
    throughput: (summary.ackedMessages * 1000) / summary.durationMs,
    cpuMsPer1000: ((after - before) * 1000) / summary.ackedMessages,
  };
}

const cpu = [];
const throughput = [];
for (let pair = 0; pair < PAIRS; pair++) {
  const first = pair % 2 === 0;
  const a = await trial(first ? shipped : withoutProfiler);
  const b = await trial(first ? withoutProfiler : shipped);
  const [withIt, without] = first ? [a, b] : [b, a];
  cpu.push(withIt.cpuMsPer1000 / without.cpuMsPer1000);
  throughput.push(withIt.throughput / without.throughput);
  console.error(
    `pair ${pair + 1}/${PAIRS}: CPU ${without.cpuMsPer1000.toFixed(1)} → ${withIt.cpuMsPer1000.toFixed(1)} ms/1000 msg`,
  );
}
server.close();
rmSync(work, { recursive: true, force: true });
for (const [name, values] of Object.entries({ 'CPU per message': cpu, throughput })) {
  const [low, high] = bootstrap(values);
  console.log(
    `${name} ratio (profiler on/off): median ${median(values).toFixed(4)}, bootstrap 95% CI [${low.toFixed(4)}, ${high.toFixed(4)}] over ${values.length} pairs`,
  );
}
