import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agentRecord } from '../../src/run/agent-record.js';

const hello = {
  t: 'hello' as const,
  pid: 42,
  ppid: 1,
  argv: ['app.js'],
  runtime: 'node' as const,
  runtimeVersion: 'v20.0.0',
  mallocAvailable: true,
};

test('agent record: hello marks the process with the runtime the agent names, named by its script', () => {
  const [note] = agentRecord(hello, 5);
  assert.equal(note?.type === 'note' && note.runtime, 'node');
  assert.equal(note?.type === 'note' && note.name, 'app.js');
});

test('agent record: a missing live-heap source or malloc becomes a data-quality note, not silence', () => {
  const records = agentRecord(
    {
      ...hello,
      mallocAvailable: false,
      mallocWhy: 'no glibc',
      liveUnavailableWhy: 'no heap statistics',
    },
    5,
  );
  const codes = records.map((record) => (record.type === 'note' ? record.code : record.type));
  assert.deepEqual(codes, ['agent.hello', 'source.liveUnavailable', 'source.mallocUnavailable']);
});

test('agent record: koffi that fails at its first use is a note beside the control', () => {
  const result = {
    t: 'control-result' as const,
    pid: 42,
    id: 1,
    durationMs: 3,
    trimmed: false,
    mallocWhy: 'glibc malloc figures unavailable: libc.so.6 not found',
  };
  const codes = (action: 'gc' | 'figures'): string[] =>
    agentRecord({ ...result, action }, 5).map((r) => (r.type === 'note' ? r.code : r.type));
  assert.deepEqual(codes('gc'), ['source.mallocUnavailable', 'control']);
  assert.deepEqual(codes('figures'), ['source.mallocUnavailable']);
  const { mallocWhy: _why, ...loaded } = result;
  assert.deepEqual(agentRecord({ ...loaded, action: 'figures' }, 5), []);
});

test('agent record: a GC message keeps its fields and gets rssdoctor’s clock', () => {
  const fields = {
    pid: 42,
    threadId: 3,
    kind: 'full' as const,
    forced: true,
    count: 1,
    pauseMs: 4,
    liveBytes: 1000,
  };
  const [record] = agentRecord({ t: 'gc', ...fields }, 1234);
  assert.deepEqual(record, { type: 'gc', tMs: 1234, ...fields });
});
