// Anonymous memory a JVM holds beyond live data without any of it being waste.

// A JVM's own memory outside the Java heap (metaspace, code cache, GC structures, thread
// stacks): measured per process as RssAnon − the heap's resident part. When the heap's
// range is unknown, this stands in, above the 14.7–26.5 MiB the JDK 17 fixtures without
// direct buffers showed (`rssdoctor run --duration 20 --interval 0.5 -- java … <fixture>`,
// the `outsideHeapBytes` of reason jvm-rss-beyond-heap): too high a baseline only makes
// `retention` harder to claim.
export const JVM_NON_HEAP_FALLBACK_BYTES = 48 * 1024 * 1024;

// For a JVM, everything outside the heap is its baseline; what is held is the resident
// heap beyond live data (committed heap kept for reuse).
export function jvmBaselineBytes(anonBytes: number, heapResidentBytes: number | null): number {
  return heapResidentBytes === null
    ? JVM_NON_HEAP_FALLBACK_BYTES
    : Math.max(0, anonBytes - heapResidentBytes);
}
