// Where the resident bytes are. First as the kernel reports them: anon, file and shmem
// (RssAnon + RssFile + RssShmem = VmRSS). Then anon split by the runtime's and the
// allocator's own figures (report/anon-split-*.ts), thread stacks (--deep), LazyFree
// (freed with MADV_FREE, still counted until reclaimed) and `unexplained`, what is left.
// Parts within anon say so (`within: "anon"`) and, with unexplained, sum to anon.
//
// Fitting: resident parts are taken first, then upper bounds, each capped at what anon
// has left, so no part is negative and none exceeds anon; a part that cannot be known is
// null with its reason.

import type { ProcessRecordLists } from '../analysis/process-findings.js';
import type { Runtime } from '../recording/records.js';
import { known, unknownPart, type AnonPart } from './anon-part.js';
import { runtimeModule } from '../runtimes/registry.js';
import { breakdownInputs, type BreakdownInputs } from './breakdown-inputs.js';
import type { Breakdown, BreakdownPart } from './report.js';
import { REMEDIES } from '../verdict/remedy.js';

export function breakdownOf(
  lists: ProcessRecordLists | undefined,
  runtime: Runtime,
  mallocWhy: string | null = null,
): Breakdown {
  const inputs = lists === undefined ? null : breakdownInputs(lists);
  if (inputs === null) {
    const why = 'no sample of this process was recorded';
    return {
      rssBytes: null,
      swapBytes: null,
      parts: {
        anon: { bytes: null, kind: 'resident', why },
        file: { bytes: null, kind: 'resident', why },
        shmem: { bytes: null, kind: 'resident', why },
      },
    };
  }
  const { sample } = inputs;
  const candidates = [...runtimeParts(inputs, runtime, mallocWhy), ...commonParts(inputs)];
  return {
    rssBytes: sample.rssBytes,
    swapBytes: sample.swapBytes,
    parts: {
      anon: { bytes: sample.rssAnonBytes, kind: 'resident' },
      file: { bytes: sample.rssFileBytes, kind: 'resident' },
      shmem: { bytes: sample.rssShmemBytes, kind: 'resident' },
      ...fitAnon(sample.rssAnonBytes, candidates, runtime),
    },
  };
}

function runtimeParts(
  inputs: BreakdownInputs,
  runtime: Runtime,
  mallocWhy: string | null,
): AnonPart[] {
  return runtimeModule(runtime)?.anonParts(inputs, mallocWhy) ?? [];
}

function commonParts(inputs: BreakdownInputs): AnonPart[] {
  const { anonMap, lazyFreeBytes } = inputs;
  return [
    anonMap?.stacksBytes === null || anonMap?.stacksBytes === undefined
      ? unknownPart('stacks', REMEDIES.deepStacks.cli)
      : known(
          'stacks',
          anonMap.stacksBytes,
          'resident',
          `${anonMap.stacksFound} of ${anonMap.threads} threads' stacks found (a running thread's is not)`,
        ),
    lazyFreeBytes === null
      ? unknownPart(
          'lazyFree',
          'smaps_rollup was never read for this process (it lived under 10 s, or /proc refused)',
        )
      : known('lazyFree', lazyFreeBytes, 'resident'),
  ];
}

function fitAnon(
  anonBytes: number,
  candidates: readonly AnonPart[],
  runtime: Runtime,
): Record<string, BreakdownPart> {
  let leftBytes = anonBytes;
  const fitted = new Map<string, BreakdownPart>();
  for (const kind of ['resident', 'upperBound'] as const) {
    for (const { name, part } of candidates) {
      if (part.kind !== kind || part.bytes === null) continue;
      const bytes = Math.min(part.bytes, leftBytes);
      leftBytes -= bytes;
      fitted.set(name, { ...part, bytes });
    }
  }
  const out: Record<string, BreakdownPart> = {};
  for (const { name, part } of candidates) out[name] = fitted.get(name) ?? part;
  out.unexplained = {
    bytes: leftBytes,
    kind: 'resident',
    within: 'anon',
    ...(runtime === 'other'
      ? { why: 'no runtime source splits anon for an OS-level-only target' }
      : {}),
  };
  return out;
}
