import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { tailFile } from '../../src/sources/file-tail.js';

test('file-tail: lines come out whole and byte-exact, a cut last line only at flush', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rssdoctor-tail-')), 'f');
  writeFileSync(file, '');
  const lines: Array<{ line: Buffer; complete: boolean }> = [];
  const tail = tailFile(file, (line, complete) =>
    lines.push({ line: Buffer.from(line), complete }),
  );
  appendFileSync(file, 'gc 1 @0.1s 0%: first\npar');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(
    lines.map((l) => l.line.toString()),
    ['gc 1 @0.1s 0%: first'],
  );
  // Not UTF-8: must come back as the same bytes.
  const binary = Buffer.from([0x74, 0xff, 0xfe, 0x80, 0x0a]);
  appendFileSync(file, Buffer.concat([Buffer.from('tial\n'), binary, Buffer.from('no newline')]));
  tail.flush();
  tail.close();
  assert.deepEqual(
    lines.map((l) => l.complete),
    [true, true, true, false],
  );
  assert.equal(lines[1]!.line.toString(), 'partial');
  assert.ok(lines[2]!.line.equals(binary.subarray(0, 4)));
  assert.equal(lines[3]!.line.toString(), 'no newline');
});
