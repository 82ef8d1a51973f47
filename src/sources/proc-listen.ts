// The TCP ports a process listens on: its socket inodes (the /proc/PID/fd links that read
// "socket:[INODE]") matched against the LISTEN entries of /proc/PID/net/tcp and tcp6.
// attach finds the Node inspector's port this way after SIGUSR1 opened it, whatever port
// the target was configured with. Reading the fd links needs the target's own user.
//
//   sl  local_address rem_address   st ... inode
//    0: 0100007F:2405 00000000:0000 0A ... 123456      127.0.0.1:9221, LISTEN
//
// Addresses are hex in the kernel's byte order (little-endian words on x86); st 0A is
// TCP_LISTEN (include/net/tcp_states.h).

import { readdirSync, readlinkSync } from 'node:fs';
import { readProcFile } from './proc-read.js';

export interface ListeningSocket {
  address: string;
  port: number;
  inode: number;
}

const TCP_LISTEN = '0A';

export function parseProcNetTcp(text: string): ListeningSocket[] {
  const out: ListeningSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10 || fields[3] !== TCP_LISTEN) continue;
    const local = /^([0-9A-Fa-f]+):([0-9A-Fa-f]{4})$/.exec(fields[1]!);
    const inode = Number(fields[9]);
    if (local === null || !Number.isInteger(inode)) continue;
    out.push({ address: hexAddress(local[1]!), port: parseInt(local[2]!, 16), inode });
  }
  return out;
}

// 8 hex digits: IPv4 as one little-endian word; 32: IPv6 as four.
function hexAddress(hex: string): string {
  if (hex.length === 8) return wordBytes(hex).join('.');
  if (hex.length !== 32) return hex;
  const bytes = [0, 8, 16, 24].flatMap((at) => wordBytes(hex.slice(at, at + 8)));
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

function wordBytes(word: string): number[] {
  return [6, 4, 2, 0].map((at) => parseInt(word.slice(at, at + 2), 16));
}

export function listeningSockets(pid: number): ListeningSocket[] {
  const inodes = socketInodes(pid);
  if (inodes.size === 0) return [];
  const out: ListeningSocket[] = [];
  for (const file of ['tcp', 'tcp6']) {
    const read = readProcFile(`/proc/${pid}/net/${file}`);
    if (!read.ok) continue;
    out.push(...parseProcNetTcp(read.text).filter((socket) => inodes.has(socket.inode)));
  }
  return out;
}

function socketInodes(pid: number): Set<number> {
  const inodes = new Set<number>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes;
  }
  for (const fd of fds) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode !== undefined) inodes.add(Number(inode));
    } catch {
      // Closed between the listing and the read.
    }
  }
  return inodes;
}
