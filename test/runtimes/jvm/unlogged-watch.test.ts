import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { test } from 'node:test';
import type { NoteRecord } from '../../../src/recording/records.js';
import {
  RECHECK_MS,
  watchUnloggedJvms,
  YOUNG_MS,
} from '../../../src/runtimes/jvm/unlogged-watch.js';
import { buildJavaFixtures, javaSkip } from '../../support/java.js';
import { until } from '../../support/until.js';

test('a process seen before it execs java is named once it has', { skip: javaSkip() }, async () => {
  const classes = buildJavaFixtures();
  // The shell waits for a line, then becomes the JVM (as `exec java` in a script does).
  const child = spawn('sh', ['-c', `read line; exec java -cp ${classes} NoGcYet`], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  try {
    const notes: NoteRecord[] = [];
    // Read through a call: an assertion on the array itself would narrow its type.
    const named = (): readonly NoteRecord[] => notes;
    const tick = watchUnloggedJvms(
      () => 0,
      (note) => notes.push(note),
    );
    tick([child.pid!]);
    assert.equal(named().length, 0, 'a shell is not a JVM');
    child.stdin!.write('go\n');
    await until('the JVM to be named', () => named().length > 0, {
      poke: () => tick([child.pid!]),
    });
    tick([child.pid!]);
    assert.equal(named().length, 1, 'named once');
    assert.equal(named()[0]!.pid, child.pid);
    assert.match(named()[0]!.text, /--runtime jvm/);
  } finally {
    child.kill('SIGKILL');
  }
});

test(
  'an old process that execs java late is named at its next recheck, not before',
  { skip: javaSkip() },
  async () => {
    const classes = buildJavaFixtures();
    const child = spawn('sh', ['-c', `read line; exec java -cp ${classes} NoGcYet`], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    try {
      let clockMs = 0;
      const notes: NoteRecord[] = [];
      const named = (): readonly NoteRecord[] => notes;
      const tick = watchUnloggedJvms(
        () => clockMs,
        (note) => notes.push(note),
      );
      tick([child.pid!]);
      clockMs = YOUNG_MS;
      tick([child.pid!]); // old now: looked at, still a shell
      child.stdin!.write('go\n');
      await until('the shell to become java', () => {
        try {
          return readlinkSync(`/proc/${child.pid}/exe`).endsWith('/java');
        } catch {
          return false;
        }
      });
      clockMs = YOUNG_MS + RECHECK_MS - 1;
      tick([child.pid!]);
      assert.equal(named().length, 0, 'an old process is not read again before RECHECK_MS');
      clockMs = YOUNG_MS + RECHECK_MS;
      tick([child.pid!]);
      assert.equal(named().length, 1);
      assert.equal(named()[0]!.tMs, YOUNG_MS + RECHECK_MS);
    } finally {
      child.kill('SIGKILL');
    }
  },
);
