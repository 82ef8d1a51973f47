// One candidate part of anon before fitting: what a runtime or allocator figure says.

import type { BreakdownPart } from './report.js';

export interface AnonPart {
  name: string;
  part: BreakdownPart;
}

export function known(
  name: string,
  bytes: number,
  kind: BreakdownPart['kind'],
  why?: string,
): AnonPart {
  return {
    name,
    part: {
      bytes: Math.max(0, bytes),
      kind,
      within: 'anon',
      ...(why === undefined ? {} : { why }),
    },
  };
}

export function unknownPart(
  name: string,
  why: string,
  kind: BreakdownPart['kind'] = 'resident',
): AnonPart {
  return { name, part: { bytes: null, kind, within: 'anon', why } };
}
