// Attribution for the JVM: the class histogram (`GC.class_histogram`, which runs a full GC
// first, so its bytes are what is kept), by class. Every object on the heap is counted, not
// sampled. Lines as HotSpot prints them:
//
//      num     #instances         #bytes  class name (module)
//     -------------------------------------------------------
//        1:          8268         359032  [B (java.base@17.0.15)
//        2:          8183         196392  java.lang.String (java.base@17.0.15)
//     Total         26941        1183144
//
// Array classes are named as Java source writes them (`[B` is byte[]).

import { SiteTable, type ProfileSites } from '../../sources/site-table.cjs';

const ROW = /^\s*\d+:\s+\d+\s+(\d+)\s+(\S+)/;
const PRIMITIVES: Record<string, string> = {
  B: 'byte',
  C: 'char',
  D: 'double',
  F: 'float',
  I: 'int',
  J: 'long',
  S: 'short',
  Z: 'boolean',
};

// null: the output has no histogram row (an error message, say).
export function parseClassHistogram(output: string): ProfileSites | null {
  const table = new SiteTable();
  let rows = 0;
  for (const line of output.split('\n')) {
    const row = ROW.exec(line);
    if (row === null) continue;
    rows++;
    table.add(
      { function: null, file: null, line: null, className: javaName(row[2]!) },
      Number(row[1]),
    );
  }
  return rows === 0 ? null : table.largest();
}

export function javaName(descriptor: string): string {
  const depth = /^\[*/.exec(descriptor)![0].length;
  if (depth === 0) return descriptor;
  const element = descriptor.slice(depth);
  const base =
    element.startsWith('L') && element.endsWith(';')
      ? element.slice(1, -1)
      : (PRIMITIVES[element] ?? element);
  return base + '[]'.repeat(depth);
}
