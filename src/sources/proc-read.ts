import { readFileSync } from 'node:fs';

// Outcome of reading one /proc file. A vanished process is normal (it exited between
// ticks); a refused read is a data-quality problem the report must show.
export type ProcRead =
  { ok: true; text: string } | { ok: false; reason: 'gone' | 'denied' | 'error'; errno: string };

// Synchronous on purpose: a /proc/PID/status read takes ~11 µs synchronously and ~280 µs
// through fs.promises (measured, DESIGN), and the sampler reads one per process per tick.
export function readProcFile(path: string): ProcRead {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? 'error';
    if (errno === 'ENOENT' || errno === 'ESRCH') return { ok: false, reason: 'gone', errno };
    if (errno === 'EACCES' || errno === 'EPERM') return { ok: false, reason: 'denied', errno };
    return { ok: false, reason: 'error', errno };
  }
}

// Parses the "Key:   123 kB" lines shared by status and smaps_rollup into bytes.
export function parseKbFields(text: string): Map<string, number> {
  const fields = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_]+):\s+(\d+) kB$/.exec(line);
    if (match !== null) fields.set(match[1]!, Number(match[2]) * 1024);
  }
  return fields;
}
