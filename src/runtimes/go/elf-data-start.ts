// Where Go's build info may sit in an ELF file, as debug/buildinfo looks for it
// (elfExe.DataStart): the .go.buildinfo section when there are section headers, else the
// start of the first writable, non-executable PT_LOAD segment. Reading the headers is a
// few small reads; scanning the whole file for the magic read all 96 MiB of node at every
// `run` start (66 ms with the page cache warm).
// Layout: the System V ABI's ELF header, program and section headers (elf(5)).

import { readSync } from 'node:fs';

const ELF_MAGIC = 0x7f454c46;
// The ELF header's size in each class.
const HEADER_32_BYTES = 52;
const HEADER_64_BYTES = 64;
const CLASS_64 = 2;
const DATA_BIG_ENDIAN = 2;
const PT_LOAD = 1;
const PF_X = 1;
const PF_W = 2;
const SECTION_NAME = '.go.buildinfo';
// debug/buildinfo reads this much from the data start.
export const DATA_SCAN_BYTES = 64 * 1024;
// Bounds on a header table's shape: more than this is not an executable worth scanning.
const MAX_HEADERS = 4096;
const MAX_ENTRY_BYTES = 256;
const MAX_NAMES_BYTES = 1024 * 1024;

export interface FileRange {
  offset: number;
  bytes: number;
}

// Reads `length` bytes at `position`; fewer when the file is shorter, none at a position
// past what a number holds exactly (a 64-bit offset in a damaged header), so that no
// header, however wrong, makes a read throw.
export function readAt(fd: number, position: number, length: number): Buffer {
  if (position > Number.MAX_SAFE_INTEGER) return Buffer.alloc(0);
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

interface Fields {
  word: (buffer: Buffer, at: number) => number;
  half: (buffer: Buffer, at: number) => number;
  address: (buffer: Buffer, at: number) => number;
  is64: boolean;
}

function fieldsOf(ident: Buffer): Fields {
  const big = ident[5] === DATA_BIG_ENDIAN;
  const is64 = ident[4] === CLASS_64;
  const word = (b: Buffer, at: number): number => (big ? b.readUInt32BE(at) : b.readUInt32LE(at));
  const half = (b: Buffer, at: number): number => (big ? b.readUInt16BE(at) : b.readUInt16LE(at));
  const long = (b: Buffer, at: number): number =>
    Number(big ? b.readBigUInt64BE(at) : b.readBigUInt64LE(at));
  return { word, half, address: is64 ? long : word, is64 };
}

// The range to search for the magic, or null for a file that is not ELF (a script).
export function elfDataStart(fd: number): FileRange | null {
  const header = readAt(fd, 0, HEADER_64_BYTES);
  if (header.length < HEADER_32_BYTES || header.readUInt32BE(0) !== ELF_MAGIC) return null;
  const f = fieldsOf(header);
  if (f.is64 && header.length < HEADER_64_BYTES) return null;
  const [phoff, shoff] = f.is64
    ? [f.address(header, 0x20), f.address(header, 0x28)]
    : [f.address(header, 0x1c), f.address(header, 0x20)];
  const at = f.is64 ? 0x36 : 0x2a;
  const [phentsize, phnum, shentsize, shnum, shstrndx] = [0, 2, 4, 6, 8].map((step) =>
    f.half(header, at + step),
  ) as [number, number, number, number, number];
  return (
    section(fd, f, shoff, shentsize, shnum, shstrndx) ??
    writableSegment(fd, f, phoff, phentsize, phnum)
  );
}

function section(
  fd: number,
  f: Fields,
  shoff: number,
  entryBytes: number,
  count: number,
  namesIndex: number,
): FileRange | null {
  if (shoff === 0 || count === 0 || count > MAX_HEADERS || namesIndex >= count) return null;
  if (entryBytes < (f.is64 ? 0x40 : 0x28) || entryBytes > MAX_ENTRY_BYTES) return null;
  const table = readAt(fd, shoff, entryBytes * count);
  if (table.length < entryBytes * count) return null;
  // sh_name, sh_offset, sh_size of entry i.
  const entry = (i: number): { name: number; offset: number; bytes: number } => {
    const base = i * entryBytes;
    return f.is64
      ? {
          name: f.word(table, base),
          offset: f.address(table, base + 0x18),
          bytes: f.address(table, base + 0x20),
        }
      : {
          name: f.word(table, base),
          offset: f.address(table, base + 0x10),
          bytes: f.address(table, base + 0x14),
        };
  };
  const names = entry(namesIndex);
  const strings = readAt(fd, names.offset, Math.min(names.bytes, MAX_NAMES_BYTES));
  const wanted = Buffer.from(`${SECTION_NAME}\0`, 'latin1');
  for (let i = 0; i < count; i++) {
    const { name, offset, bytes } = entry(i);
    if (strings.subarray(name, name + wanted.length).equals(wanted)) return { offset, bytes };
  }
  return null;
}

function writableSegment(
  fd: number,
  f: Fields,
  phoff: number,
  entryBytes: number,
  count: number,
): FileRange | null {
  if (phoff === 0 || count === 0 || count > MAX_HEADERS) return null;
  if (entryBytes < (f.is64 ? 0x38 : 0x20) || entryBytes > MAX_ENTRY_BYTES) return null;
  const table = readAt(fd, phoff, entryBytes * count);
  if (table.length < entryBytes * count) return null;
  for (let i = 0; i < count; i++) {
    const base = i * entryBytes;
    const flags = f.word(table, base + (f.is64 ? 4 : 0x18));
    if (f.word(table, base) !== PT_LOAD || (flags & (PF_X | PF_W)) !== PF_W) continue;
    const offset = f.address(table, base + (f.is64 ? 8 : 4));
    const bytes = f.address(table, base + (f.is64 ? 0x20 : 0x10));
    return { offset, bytes };
  }
  return null;
}
