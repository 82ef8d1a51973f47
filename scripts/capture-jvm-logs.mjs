// Captures the JDK's own GC log lines for the parser tests: runs the static-list leak under
// each collector this JDK has, forces one GC.run over the attach socket, and keeps the
// log in test/fixtures/jvm-logs/jdk<major>-<collector>.log. Run after `npm run build`.
// Usage: node scripts/capture-jvm-logs.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jvmDiagnosticCommand } from '../dist/sources/jvm-attach.js';

const COLLECTORS = ['G1', 'Parallel', 'Serial', 'Z', 'Shenandoah'];
const RUN_MS = 8000;
const KEEP_LINES = 400;
const classes = mkdtempSync(path.join(tmpdir(), 'rssdoctor-capture-'));
spawnSync('javac', ['-d', classes, 'test/fixtures/java/StaticListLeak.java'], { stdio: 'inherit' });
const version = /version "(\d+)/.exec(
  spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr,
)[1];

for (const collector of COLLECTORS) {
  const log = path.join(classes, `${collector}.log`);
  const child = spawn(
    'java',
    [
      `-XX:+Use${collector}GC`,
      '-Xmx32m',
      `-Xlog:gc*:file=${log}:uptime,level,tags`,
      '-cp',
      classes,
      'StaticListLeak',
    ],
    { stdio: 'ignore' },
  );
  await new Promise((resolve) => setTimeout(resolve, RUN_MS / 2));
  const forced = await jvmDiagnosticCommand(child.pid, 'GC.run');
  await new Promise((resolve) => setTimeout(resolve, RUN_MS / 2));
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  const lines = readFileSync(log, 'utf8').split('\n');
  // The start, and the end with the heap summary at exit; the middle is more of the same.
  const kept =
    lines.length <= KEEP_LINES
      ? lines
      : [...lines.slice(0, KEEP_LINES / 2), ...lines.slice(-KEEP_LINES / 2)];
  const out = `test/fixtures/jvm-logs/jdk${version}-${collector.toLowerCase()}.log`;
  writeFileSync(out, kept.join('\n'));
  process.stdout.write(`${out}: ${kept.length} lines, GC.run ${forced.ok ? 'ok' : 'failed'}\n`);
}
