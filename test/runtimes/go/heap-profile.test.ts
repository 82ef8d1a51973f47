import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Profile, StringTable } from 'pprof-format';
import { heapProfileSites } from '../../../src/runtimes/go/heap-profile.js';

// A heap profile as Go writes one: four sample types, inuse_space last; stacks leaf first.
function heapProfile(samples: Array<{ stack: number[]; inuseBytes: number }>): Uint8Array {
  const strings = new StringTable();
  const types = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'].map((type) => ({
    type: strings.dedup(type),
    unit: strings.dedup(type.endsWith('space') ? 'bytes' : 'count'),
  }));
  const fn = (id: number, name: string, file: string) => ({
    id,
    name: strings.dedup(name),
    filename: strings.dedup(file),
  });
  const profile = new Profile({
    sampleType: types,
    stringTable: strings,
    function: [
      fn(1, 'runtime.makeslice', '/usr/lib/go/src/runtime/slice.go'),
      fn(2, 'main.keepChunk', '/app/main.go'),
      fn(3, 'main.main', '/app/main.go'),
      fn(4, 'main.makeGarbage', '/app/main.go'),
    ],
    location: [
      { id: 10, line: [{ functionId: 1, line: 100 }] },
      // keepChunk inlined into main: the first line is the innermost function.
      {
        id: 11,
        line: [
          { functionId: 2, line: 47 },
          { functionId: 3, line: 40 },
        ],
      },
      { id: 12, line: [{ functionId: 4, line: 57 }] },
      { id: 13, line: [{ functionId: 3, line: 42 }] },
    ],
    sample: samples.map(({ stack, inuseBytes }) => ({
      locationId: stack,
      value: [1, inuseBytes * 4, 1, inuseBytes],
    })),
  });
  return gzipSync(profile.encode());
}

test('inuse_space goes to the innermost frame, inlined frames resolved, runtime frames to their caller', () => {
  const sites = heapProfileSites(
    heapProfile([
      { stack: [10, 11], inuseBytes: 3_000_000 },
      { stack: [11], inuseBytes: 1_000_000 },
      { stack: [12, 13], inuseBytes: 65_536 },
      { stack: [10], inuseBytes: 4096 },
    ]),
  );
  assert.ok(sites !== null);
  assert.equal(sites.totalBytes, 4_069_632);
  assert.deepEqual(sites.sites[0], {
    function: 'main.keepChunk',
    file: '/app/main.go',
    line: 47,
    bytes: 4_000_000,
  });
  assert.equal(sites.sites[1]?.function, 'main.makeGarbage');
  // A stack of the runtime alone keeps its own frame.
  assert.equal(sites.sites[2]?.function, 'runtime.makeslice');
});

test('a profile without inuse_space is not a heap profile; random bytes never crash the reader', () => {
  const strings = new StringTable();
  const cpu = new Profile({
    sampleType: [{ type: strings.dedup('samples'), unit: strings.dedup('count') }],
    stringTable: strings,
  });
  assert.equal(heapProfileSites(cpu.encode()), null);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      try {
        const sites = heapProfileSites(bytes);
        assert.ok(sites === null || Number.isFinite(sites.totalBytes));
      } catch (error) {
        assert.ok(error instanceof Error, String(error));
      }
    }),
  );
});
