import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RECORDING_SCHEMA_VERSION } from '../../src/recording/records.js';
import { recordingHeader } from '../../src/run/recording-header.js';
import { TOOL_VERSION } from '../../src/version.js';

const startedAt = new Date('2026-11-30T12:00:00.000Z');

test('recording-header: the schema, the tool, the command and the host, in one shape', () => {
  const header = recordingHeader({ command: ['node', 'app.js'], startedAt, intervalMs: 500 });
  assert.equal(header.type, 'header');
  assert.equal(header.schemaVersion, RECORDING_SCHEMA_VERSION);
  assert.equal(header.toolVersion, TOOL_VERSION);
  assert.deepEqual(header.command, ['node', 'app.js']);
  assert.equal(header.startedAt, '2026-11-30T12:00:00.000Z');
  assert.equal(header.intervalMs, 500);
  assert.equal(header.host.nodeVersion, process.version);
  assert.equal('spawnedCommand' in header, false);
});

test('recording-header: the spawned command is kept only when it differs from the typed one', () => {
  const same = recordingHeader({
    command: ['./server'],
    spawnedCommand: ['./server'],
    startedAt,
    intervalMs: 1000,
  });
  assert.equal('spawnedCommand' in same, false);
  const built = recordingHeader({
    command: ['go', 'run', '.'],
    spawnedCommand: ['/tmp/run/server'],
    startedAt,
    intervalMs: 1000,
  });
  assert.deepEqual(built.spawnedCommand, ['/tmp/run/server']);
});
