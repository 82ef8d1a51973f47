// Watches a process's VmRSS straight from /proc, independently of rssdoctor, so that a
// test can check its fixture really behaved before it judges rssdoctor's verdict.

import { readFileSync } from 'node:fs';

export interface RssWatch {
  // RSS readings in bytes, one per interval, until the process went away or stop().
  values: number[];
  stop: () => number[];
}

export function watchRss(pid: number, intervalMs = 200): RssWatch {
  const values: number[] = [];
  const read = (): void => {
    try {
      const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match === null) return clearInterval(timer);
      values.push(Number(match[1]) * 1024);
    } catch {
      clearInterval(timer);
    }
  };
  const timer = setInterval(read, intervalMs);
  read();
  return {
    values,
    stop: () => {
      clearInterval(timer);
      return values;
    },
  };
}

// Throws a fixture failure (not a verdict failure) when a precondition does not hold.
export function assertFixture(condition: boolean, message: string): void {
  if (!condition) throw new Error(`fixture broken, not rssdoctor: ${message}`);
}
