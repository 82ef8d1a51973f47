import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { readGoBuildInfo } from '../../../src/runtimes/go/build-info.js';
import { elfDataStart } from '../../../src/runtimes/go/elf-data-start.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rssdoctor-elf-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const DATA_OFFSET = 0x200;

// Go's build info header (buildinfo.go): magic, pointer size, flags (2: inline strings),
// then at 32 the varint-prefixed version.
function buildInfo(version: string): Buffer {
  const head = Buffer.alloc(32);
  head.write('\xff Go buildinf:', 0, 'latin1');
  head[14] = 8;
  head[15] = 2;
  return Buffer.concat([head, Buffer.from([version.length]), Buffer.from(version)]);
}

// A minimal ELF: an executable PT_LOAD, then a writable one at DATA_OFFSET holding `data`;
// with `section`, also a section table naming .go.buildinfo at the same place.
function elf(options: { is64: boolean; big: boolean; section: boolean }, data: Buffer): Buffer {
  const { is64, big, section } = options;
  const file = Buffer.alloc(DATA_OFFSET + data.length + 0x200);
  const half = (at: number, v: number): number =>
    big ? file.writeUInt16BE(v, at) : file.writeUInt16LE(v, at);
  const word = (at: number, v: number): number =>
    big ? file.writeUInt32BE(v, at) : file.writeUInt32LE(v, at);
  const addr = (at: number, v: number): number | bigint =>
    is64
      ? big
        ? file.writeBigUInt64BE(BigInt(v), at)
        : file.writeBigUInt64LE(BigInt(v), at)
      : word(at, v);
  file.writeUInt32BE(0x7f454c46, 0);
  file[4] = is64 ? 2 : 1;
  file[5] = big ? 2 : 1;
  const phoff = 0x40;
  const [phentsize, shentsize] = is64 ? [0x38, 0x40] : [0x20, 0x28];
  addr(is64 ? 0x20 : 0x1c, phoff);
  const h = is64 ? 0x36 : 0x2a;
  half(h, phentsize);
  half(h + 2, 2);
  const segment = (i: number, flags: number, offset: number, bytes: number): void => {
    const base = phoff + i * phentsize;
    word(base, 1);
    word(base + (is64 ? 4 : 0x18), flags);
    addr(base + (is64 ? 8 : 4), offset);
    addr(base + (is64 ? 0x20 : 0x10), bytes);
  };
  segment(0, 5, 0, phoff);
  segment(1, 6, DATA_OFFSET, data.length);
  data.copy(file, DATA_OFFSET);
  if (section) {
    // Sections: 0 null, 1 the names, 2 .go.buildinfo.
    const shoff = DATA_OFFSET + data.length;
    const names = Buffer.from('\0.shstrtab\0.go.buildinfo\0', 'latin1');
    const namesOffset = shoff + 3 * shentsize;
    names.copy(file, namesOffset);
    addr(is64 ? 0x28 : 0x20, shoff);
    half(h + 4, shentsize);
    half(h + 6, 3);
    half(h + 8, 1);
    const entry = (i: number, name: number, offset: number, bytes: number): void => {
      const base = shoff + i * shentsize;
      word(base, name);
      addr(base + (is64 ? 0x18 : 0x10), offset);
      addr(base + (is64 ? 0x20 : 0x14), bytes);
    };
    entry(1, 1, namesOffset, names.length);
    entry(2, 11, DATA_OFFSET, data.length);
  }
  return file;
}

function write(name: string, bytes: Buffer | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

test('elf-data-start: the build info in the first writable segment, without sections', () => {
  const data = Buffer.concat([Buffer.alloc(16), buildInfo('go1.99.1')]);
  const file = write('segment', elf({ is64: true, big: false, section: false }, data));
  const fd = openSync(file, 'r');
  try {
    assert.deepEqual(elfDataStart(fd), { offset: DATA_OFFSET, bytes: data.length });
  } finally {
    closeSync(fd);
  }
  assert.deepEqual(readGoBuildInfo(file), { goVersion: 'go1.99.1' });
});

test('elf-data-start: the .go.buildinfo section of a 32-bit big-endian file', () => {
  const data = buildInfo('go1.98.0');
  const file = write('section', elf({ is64: false, big: true, section: true }, data));
  assert.deepEqual(readGoBuildInfo(file), { goVersion: 'go1.98.0' });
});

test('elf-data-start: a magic off its 16-byte alignment, or in no ELF file, is not Go', () => {
  const data = Buffer.concat([Buffer.alloc(8), buildInfo('go1.99.1')]);
  assert.equal(
    readGoBuildInfo(write('misaligned', elf({ is64: true, big: false, section: false }, data))),
    null,
  );
  assert.equal(readGoBuildInfo(write('raw', buildInfo('go1.99.1'))), null);
});

test('elf-data-start: random bytes and mutated headers never throw', () => {
  const good = elf({ is64: true, big: false, section: true }, buildInfo('go1.99.1'));
  // Section and segment tables past what a number holds exactly: nothing to read there.
  const far = Buffer.from(good);
  far.writeBigUInt64LE(2n ** 63n, 0x20);
  far.writeBigUInt64LE(2n ** 63n, 0x28);
  assert.equal(readGoBuildInfo(write('far', far)), null);
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(DATA_OFFSET + 0x200), fc.integer({ min: 0, max: 255 })), {
        maxLength: 12,
      }),
      fc.uint8Array({ maxLength: 256 }),
      (edits, random) => {
        const mutated = Buffer.from(good);
        for (const [at, value] of edits) if (at < mutated.length) mutated[at] = value;
        for (const bytes of [mutated, random]) {
          // No header, however damaged, makes the read throw (readGoBuildInfo has no
          // catch-all); what it finds is a Go version or nothing.
          const info = readGoBuildInfo(write('fuzz', bytes));
          assert.ok(info === null || info.goVersion === null || /^go\d/.test(info.goVersion));
        }
      },
    ),
    { numRuns: 300 },
  );
});
