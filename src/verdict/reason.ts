// One reason behind a verdict: a stable code, plain words, and the figures the words
// quote (base units: bytes, bytes per second, milliseconds, counts, p-values).
export interface Reason {
  code: ReasonCode;
  text: string;
  figures: Record<string, number>;
}

// Every reason's code, stable across versions (the Report schema documents them): a typo
// fails the type check.
export type ReasonCode =
  | 'too-few-samples'
  | 'no-samples'
  | 'no-gc-yet'
  | 'no-gc-yet-fix'
  | 'too-few-live-points'
  | 'rss-growth-bound'
  | 'go-quiet-bound'
  | 'gomemlimit-bound'
  | 'live-heap-rising'
  | 'leaking-isolate'
  | 'leaking-isolates'
  | 'go-stacks-rising'
  | 'stale-live'
  | 'native-rising'
  | 'rss-above-live'
  | 'live-rise-uncorroborated'
  | 'live-flat'
  | 'release-reclaimed'
  | 'jvm-rss-beyond-heap'
  | 'rss-rising'
  | 'rss-rise-then-plateau'
  | 'rss-rise-unsettled'
  | 'rss-flat'
  | 'os-level-only';
