// A 24-hour recording of a Node process at 1 Hz, written as rssdoctor writes one: a
// sample and a heap record every second, a full GC with its live bytes every 30 s, malloc
// figures every 10 s. RSS is a GC sawtooth on a slow leak (0.2 KiB/s live growth) with
// noise; seeded, so every run writes the same file. Used by bench/html-24h.mjs and by the
// HTML test. writeDayRecording(path, seconds = 86_400) → path.
import { writeFileSync } from 'node:fs';

const MIB = 1024 * 1024;

export function writeDayRecording(file, seconds = 86_400) {
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pid = 4242;
  const lines = [
    {
      type: 'header',
      schemaVersion: 1,
      tool: 'rssdoctor',
      toolVersion: 'bench',
      command: ['node', 'server.js'],
      startedAt: '2026-11-24T00:00:00.000Z',
      intervalMs: 1000,
      host: {
        hostname: 'bench',
        platform: 'linux',
        kernelRelease: '6',
        arch: 'x64',
        cpuCount: 2,
        totalMemoryBytes: 24 * 1024 * MIB,
        nodeVersion: process.version,
      },
    },
    {
      type: 'note',
      tMs: 0,
      code: 'agent.hello',
      text: 'node agent connected',
      pid,
      ppid: 1,
      name: 'server.js',
      runtime: 'node',
    },
  ];
  for (let i = 1; i <= seconds; i++) {
    const tMs = i * 1000;
    const liveBytes = 60 * MIB + i * 200;
    const usedBytes = liveBytes + (i % 30) * 0.8 * MIB;
    const anon = Math.round(usedBytes + 40 * MIB + random() * 2 * MIB);
    lines.push({
      type: 'sample',
      tMs,
      pid,
      rssBytes: anon + 45 * MIB,
      rssAnonBytes: anon,
      rssFileBytes: 45 * MIB,
      rssShmemBytes: 0,
      swapBytes: 0,
      threads: 11,
      cpuMs: i * 12,
    });
    lines.push({
      type: 'heap',
      tMs,
      pid,
      threadId: 0,
      usedHeapBytes: Math.round(usedBytes),
      totalHeapBytes: Math.round(usedBytes + 20 * MIB),
      physicalHeapBytes: Math.round(usedBytes + 18 * MIB),
      externalBytes: 2 * MIB,
      arrayBuffersBytes: MIB,
    });
    if (i % 10 === 0)
      lines.push({
        type: 'malloc',
        tMs,
        pid,
        inUseBytes: 12 * MIB,
        freeBytes: 6 * MIB,
        mmapBytes: MIB,
      });
    if (i % 30 === 0) {
      lines.push({
        type: 'gc',
        tMs,
        pid,
        threadId: 0,
        kind: 'full',
        forced: i % 300 === 0,
        count: 1,
        pauseMs: 8,
        heapBeforeBytes: Math.round(usedBytes),
        heapAfterBytes: liveBytes,
        liveBytes: Math.round(liveBytes + random() * 0.3 * MIB),
      });
    }
  }
  lines.push({
    type: 'end',
    tMs: (seconds + 1) * 1000,
    exitCode: null,
    signal: 'SIGTERM',
    timedOut: true,
    interrupted: false,
    targetExited: false,
  });
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n', { mode: 0o600 });
  return file;
}
