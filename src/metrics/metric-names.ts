// The series `--metrics` exports, one place for their names (base units, `_bytes` and
// `_total` suffixes, per Prometheus naming). Labels: `pid` and `name` on every series.

export const RSS_BYTES = 'rssdoctor_process_resident_memory_bytes';
export const RSS_PART_BYTES = 'rssdoctor_process_resident_memory_part_bytes';
export const SWAP_BYTES = 'rssdoctor_process_swap_bytes';
export const LIVE_HEAP_BYTES = 'rssdoctor_live_heap_bytes';
export const GC_TOTAL = 'rssdoctor_gc_total';
export const VERDICT = 'rssdoctor_verdict';
export const VERDICT_CONFIDENCE = 'rssdoctor_verdict_confidence';
export const SECONDS_TO_LIMIT = 'rssdoctor_seconds_to_limit';
export const MEMORY_LIMIT_BYTES = 'rssdoctor_memory_limit_bytes';
