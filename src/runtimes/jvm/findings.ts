// What a JVM's GC log proves about one process, beyond its live series. Pure.
//
// no-gc-yet needs the proof that logging works (the collector's "Using …" line), no GC
// event in the whole run, and the heap used at exit below the young generation's capacity
// (the first young pause comes when eden fills: until then no garbage is collected).

import type { GcRecord, HeapResidentRecord, JvmFactsRecord } from '../../recording/records.js';
import { NO_PROOFS, type OwnFindings } from '../runtime-evidence.js';

export interface JvmFindings {
  facts: JvmFactsRecord;
  gcCount: number;
  forcedGcs: number;
  noGcProven: boolean;
  heapBelowYoung: boolean;
  missingProof: string[];
  lastCommittedBytes: number | null;
  lastHeapResidentBytes: number | null;
}

export function jvmFindings(
  facts: JvmFactsRecord,
  gcs: readonly GcRecord[],
  residents: readonly HeapResidentRecord[],
): JvmFindings {
  const missingProof: string[] = [];
  if (!facts.loggingProven)
    missingProof.push('its GC log never showed the collector\'s "Using …" line');
  if (facts.heapUsedBytes === null || facts.youngCapacityBytes === null) {
    missingProof.push(
      'its heap at exit was not logged (it did not exit cleanly, or its collector has no young generation)',
    );
  }
  const committed = [...gcs].reverse().find((gc) => gc.heapCommittedBytes !== undefined);
  return {
    facts,
    gcCount: gcs.length,
    forcedGcs: gcs.filter((gc) => gc.forced).length,
    noGcProven: facts.loggingProven && gcs.length === 0,
    heapBelowYoung:
      facts.heapUsedBytes !== null &&
      facts.youngCapacityBytes !== null &&
      facts.heapUsedBytes < facts.youngCapacityBytes,
    missingProof,
    lastCommittedBytes: committed?.heapCommittedBytes ?? null,
    lastHeapResidentBytes: residents[residents.length - 1]?.residentBytes ?? null,
  };
}

// The proofs the verdict reads (no-gc-yet alone), and the findings the JVM explanations quote.
export function jvmOwnFindings(
  facts: JvmFactsRecord | null,
  gcs: readonly GcRecord[],
  residents: readonly HeapResidentRecord[],
): OwnFindings<JvmFindings> | null {
  if (facts === null) return null;
  const jvm = jvmFindings(facts, gcs, residents);
  return {
    proofs: {
      ...NO_PROOFS,
      noGcProven: jvm.noGcProven,
      heapBelowFirstTrigger: jvm.heapBelowYoung,
    },
    detail: jvm,
  };
}
