// Is this file a Go program? Go writes its build info into every binary it links
// (section .go.buildinfo): a 14-byte magic, then the pointer size and a flags byte. From
// Go 1.18 (flags & 2) the version string follows inline as a varint-prefixed string;
// before that it sits behind pointers, and only "a Go binary" is known here.
// Source: debug/buildinfo/buildinfo.go (readRawBuildInfo); where to look: elf-data-start.ts.

import { closeSync, openSync } from 'node:fs';
import { DATA_SCAN_BYTES, elfDataStart, readAt } from './elf-data-start.js';

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER_BYTES = 32;
// The magic starts on a 16-byte boundary of the data it is found in.
const MAGIC_ALIGN = 16;
const FLAGS_INLINE_STRINGS = 0x2;

export interface GoBuildInfo {
  goVersion: string | null;
}

export function readGoBuildInfo(file: string): GoBuildInfo | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const range = elfDataStart(fd);
    if (range === null) return null;
    const data = readAt(fd, range.offset, Math.min(range.bytes, DATA_SCAN_BYTES));
    for (let at = data.indexOf(MAGIC); at >= 0; at = data.indexOf(MAGIC, at + 1)) {
      if (at % MAGIC_ALIGN === 0 && data.length - at >= HEADER_BYTES)
        return infoAt(fd, range.offset + at);
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

function infoAt(fd: number, offset: number): GoBuildInfo {
  const head = readAt(fd, offset, HEADER_BYTES + 64);
  const flags = head[15] ?? 0;
  if (head.length < HEADER_BYTES || (flags & FLAGS_INLINE_STRINGS) === 0)
    return { goVersion: null };
  const { value: length, size } = uvarint(head, HEADER_BYTES);
  const version = head.toString('utf8', HEADER_BYTES + size, HEADER_BYTES + size + length);
  return { goVersion: /^go\d/.test(version) ? version : null };
}

function uvarint(buffer: Buffer, start: number): { value: number; size: number } {
  let value = 0;
  let shift = 0;
  for (let i = start; i < buffer.length && i < start + 5; i++) {
    const byte = buffer[i]!;
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return { value, size: i - start + 1 };
    shift += 7;
  }
  return { value: 0, size: 1 };
}
