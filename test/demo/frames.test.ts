import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frame, FrameReader, MAX_FRAME_BYTES } from '../../src/demo/frames.js';

test('frames: messages split and joined across chunks come out whole and exact-size', () => {
  const stream = Buffer.concat([
    frame(Buffer.from('hello')),
    frame(Buffer.alloc(3000, 1)),
    frame(Buffer.from('!')),
  ]);
  const out: Buffer[] = [];
  const reader = new FrameReader();
  for (let i = 0; i < stream.length; i += 7)
    reader.push(stream.subarray(i, i + 7), (p) => out.push(p));
  assert.deepEqual(
    out.map((p) => p.length),
    [5, 3000, 1],
  );
  assert.equal(out[0]!.toString(), 'hello');
  // Each payload owns its memory: a worker's postMessage copies only the payload.
  assert.equal(out[1]!.buffer.byteLength, 3000);
});

test('frames: an absurd length is refused, not buffered', () => {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(MAX_FRAME_BYTES + 1, 0);
  assert.throws(() => new FrameReader().push(header, () => {}), RangeError);
});
