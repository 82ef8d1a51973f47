// Pairs the processes of two runs. PIDs differ from run to run, so the root (the command
// rssdoctor ran or attached to, first in each recording) pairs with the root, and the rest
// by name and runtime, the k-th of a name with the k-th: the second `node` worker of one
// run with the second of the other. A process only one run has is paired with nothing.

export interface Named {
  pid: number;
  name: string | null;
  runtime: string;
}

export function matchProcesses<T extends Named>(
  before: readonly T[],
  after: readonly T[],
): [T | null, T | null][] {
  const pairs: [T | null, T | null][] = [];
  if (before.length === 0 && after.length === 0) return pairs;
  pairs.push([before[0] ?? null, after[0] ?? null]);
  const key = (p: T): string => `${p.runtime}:${p.name ?? '?'}`;
  const waiting = new Map<string, T[]>();
  for (const p of after.slice(1)) waiting.set(key(p), [...(waiting.get(key(p)) ?? []), p]);
  for (const p of before.slice(1)) {
    const match = waiting.get(key(p))?.shift() ?? null;
    pairs.push([p, match]);
  }
  for (const rest of waiting.values()) for (const p of rest) pairs.push([null, p]);
  return pairs;
}
