// The JVM session on a real JVM: the GC log its environment turns on becomes the proof that
// logging works and live points, a final probe forces a full GC over the attach socket,
// and the attach handshake file does not stay behind in the JVM's working directory.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import type { BodyRecord } from '../../../src/recording/records.js';
import { jdkRelease } from '../../../src/runtimes/jvm/jdk-release.js';
import { openJvmSession } from '../../../src/runtimes/jvm/session.js';
import { resolveCommand } from '../../../src/target/resolve-command.js';
import { buildJavaFixtures, javaSkip } from '../../support/java.js';
import { until } from '../../support/until.js';

const skip = javaSkip();

test(
  'jvm session: a real JVM’s GC log proves logging, and the final probe forces a full GC',
  { skip },
  async () => {
    const classes = buildJavaFixtures();
    const java = resolveCommand('java', process.env);
    assert.ok(java !== null, 'java is not on PATH');
    const jdk = jdkRelease(java);
    assert.ok(jdk !== null, `no readable release file for ${java}`);
    const directory = mkdtempSync(path.join(tmpdir(), 'rssdoctor-jvmsession-'));
    const cwd = mkdtempSync(path.join(tmpdir(), 'rssdoctor-jvmcwd-'));
    const records: BodyRecord[] = [];
    const session = openJvmSession({
      directory,
      jdk,
      durationMs: undefined,
      passive: false,
      attribution: false,
      nowMs: () => performance.now(),
      append: (record) => records.push(record),
    });
    const child = spawn(java, ['-Xmx256m', '-cp', classes, 'SteadyCache'], {
      cwd,
      env: session.env(process.env),
      stdio: 'ignore',
    });
    const pid = child.pid!;
    try {
      await until(
        'the collector’s "Using …" line',
        () => records.some((r) => r.type === 'jvm' && r.pid === pid && r.loggingProven),
        { poke: () => session.tick([pid]), timeoutMs: 30_000 },
      );
      assert.deepEqual(session.pids(), [pid]);
      // --passive forces nothing while it runs; the final probe forces one full GC.
      assert.equal(records.filter((r) => r.type === 'gc' && r.forced).length, 0);
      await session.finalProbe();
      await until(
        'the forced GC in the log',
        () =>
          records.some(
            (r) => r.type === 'gc' && r.pid === pid && r.forced && r.liveBytes !== undefined,
          ),
        { poke: () => session.tick([pid]) },
      );
    } finally {
      child.kill('SIGKILL');
      await session.close();
    }
    assert.deepEqual(
      readdirSync(cwd).filter((name) => name.startsWith('.attach_pid')),
      [],
      'the attach handshake file stayed in the JVM’s working directory',
    );
  },
);
