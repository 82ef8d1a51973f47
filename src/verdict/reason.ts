// One reason behind a verdict: a stable code, plain words, and the figures the words
// quote (base units: bytes, bytes per second, milliseconds, counts, p-values).
export interface Reason {
  code: string;
  text: string;
  figures: Record<string, number>;
}
