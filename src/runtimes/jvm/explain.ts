// Plain-words reasons only a JVM's GC log can give: no GC yet, what is missing when too
// few live points were seen, and why a JVM's RSS is larger than its heap.

import { MIN_LIVE_POINTS } from '../../analysis/evidence.js';
import type { JvmFindings } from './findings.js';
import type { RuntimeFindings } from '../../analysis/process-findings.js';
import type { SampleRecord } from '../../recording/records.js';
import { formatBytes, formatSeconds } from '../../format/figures.js';
import { pacedNote, startUpNote } from '../../verdict/explain-runtime.js';
import type { Reason } from '../../verdict/reason.js';

export function jvmNoGcYetReasons(jvm: JvmFindings, durationMs: number): Reason[] {
  const used = jvm.facts.heapUsedBytes ?? Number.NaN;
  const young = jvm.facts.youngCapacityBytes ?? Number.NaN;
  return [
    {
      code: 'no-gc-yet',
      text:
        `no GC ran in ${formatSeconds(durationMs)}: GC logging worked (the log named its collector, ` +
        `${jvm.facts.collector ?? 'unknown'}) and logged no collection, and the heap used at exit, ${formatBytes(used)}, ` +
        `is below the young generation's ${formatBytes(young)}: the first young pause comes only when eden fills. ` +
        `RSS grows as eden's pages are first touched; this is not a leak`,
      figures: { gcs: 0, heapUsedBytes: used, youngCapacityBytes: young, durationMs },
    },
    {
      code: 'no-gc-yet-fix',
      text:
        'to keep RSS down from the start, size the young generation to the load (-Xmn, or a smaller -Xms), ' +
        'or let G1 collect on a timer when idle (-XX:G1PeriodicGCInterval=<ms>)',
      figures: { youngCapacityBytes: young },
    },
  ];
}

export function jvmTooFewReason(
  jvm: JvmFindings,
  found: RuntimeFindings,
  durationMs: number,
): Reason {
  const figures = {
    gcs: jvm.gcCount,
    livePoints: found.live.points,
    neededLivePoints: MIN_LIVE_POINTS,
  };
  if (jvm.gcCount === 0) {
    return {
      code: 'too-few-live-points',
      text:
        jvm.missingProof.length > 0
          ? `no GC was logged, but that proves nothing here: ${jvm.missingProof.join('; ')}`
          : 'no GC was logged, and the heap at exit was not below the young generation',
      figures,
    };
  }
  return {
    code: 'too-few-live-points',
    text:
      `saw ${found.live.points} live point(s) (full GCs, G1 Remark, ZGC/Shenandoah cycle ends; young pauses never count) ` +
      `in ${jvm.gcCount} GC(s)${startUpNote(found)}, need ${MIN_LIVE_POINTS}${pacedNote(found, durationMs)}: run longer, and without --passive so rssdoctor can force full GCs (GC.run)`,
    figures,
  };
}

// Why RSS is above -Xmx-sized expectations: the heap is one part of a JVM's memory.
export function jvmRssReason(jvm: JvmFindings, sample: SampleRecord | undefined): Reason {
  const heapBytes = jvm.lastHeapResidentBytes ?? jvm.lastCommittedBytes ?? Number.NaN;
  const rss = sample?.rssBytes ?? Number.NaN;
  const outside = (sample?.rssAnonBytes ?? Number.NaN) - heapBytes;
  return {
    code: 'jvm-rss-beyond-heap',
    text:
      `a JVM's RSS is more than its heap (and can exceed -Xmx): of RSS ${formatBytes(rss)}, the Java heap holds ` +
      `${formatBytes(heapBytes)}${jvm.lastHeapResidentBytes === null ? ' committed' : ' resident'}; ` +
      `${formatBytes(Math.max(0, outside))} of anonymous memory is outside it (GC structures, direct buffers, thread stacks, ` +
      `class metadata, the JIT's code cache), and the rest is file-backed (the JVM's libraries and class data archive)`,
    figures: { rssBytes: rss, heapBytes, outsideHeapBytes: outside },
  };
}
