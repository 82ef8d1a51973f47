// Is this file a Go program? Go writes its build info into every binary it links
// (section .go.buildinfo): a 14-byte magic, then the pointer size and a flags byte. From
// Go 1.18 (flags & 2) the version string follows inline as a varint-prefixed string;
// before that it sits behind pointers, and only "a Go binary" is known here.
// Source: debug/buildinfo/buildinfo.go (readRawBuildInfo).

import { closeSync, openSync, readSync } from 'node:fs';

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER_BYTES = 32;
const CHUNK_BYTES = 1024 * 1024;
// The section is in the data segment, a few MiB into even large binaries; stop here.
const MAX_SCAN_BYTES = 256 * 1024 * 1024;
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
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES + HEADER_BYTES + 64);
    let carried = 0;
    let position = 0;
    while (position < MAX_SCAN_BYTES) {
      const bytes = readSync(fd, chunk, carried, CHUNK_BYTES, position);
      if (bytes === 0) return null;
      const view = chunk.subarray(0, carried + bytes);
      // The magic is aligned to 16 bytes in the section; scan every offset anyway.
      const at = view.indexOf(MAGIC);
      if (at >= 0) return infoAt(fd, position - carried + at);
      // Keep the tail in case the magic straddles two chunks.
      carried = Math.min(MAGIC.length - 1, view.length);
      view.copy(chunk, 0, view.length - carried);
      position += bytes;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

function infoAt(fd: number, offset: number): GoBuildInfo {
  const head = Buffer.alloc(HEADER_BYTES + 64);
  const bytes = readSync(fd, head, 0, head.length, offset);
  const flags = head[15] ?? 0;
  if (bytes < HEADER_BYTES || (flags & FLAGS_INLINE_STRINGS) === 0) return { goVersion: null };
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
