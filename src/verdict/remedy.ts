// The remedies a reason gives that depend on how the watch was set up. A reason says them
// in the CLI's words (its options); watch() in rssdoctor/runtime has other knobs, and says
// the same in its own words (in-process/library-words.ts). One table, so the two cannot
// drift apart: a test checks that no CLI option is left in a watch()'s texts.

export interface Remedy {
  cli: string;
  library: string;
}

export const REMEDIES = {
  longerForSamples: {
    cli: 'run longer (e.g. --duration 30) or sample faster (--interval 0.5)',
    library: 'keep watching (30 s or more) or sample faster (a smaller intervalMs)',
  },
  longerForLivePoints: {
    cli: 'run longer (e.g. --duration 60), and without --passive so rssdoctor can force them',
    library: 'keep watching (60 s or more), with probeEveryMs above 0 so watch() can force them',
  },
  longerToSettle: {
    cli: 'run longer (e.g. twice the current --duration) to see where it settles',
    library: 'keep watching (a windowMs twice as long) to see where it settles',
  },
  longerForProfiles: {
    cli: 'run longer (the first comes about a fifth of --duration in, at most 10 s)',
    library: 'keep watching (a second profile comes 10 s after the first)',
  },
  deepStacks: {
    cli: 'thread stacks are read from the full smaps only with --deep',
    library: 'thread stacks are read from the full smaps, which watch() does not read',
  },
  noProfileYet: {
    cli: "no heap profile was taken: the run ended before the first (one comes once a live heap rises, and no sooner than a fifth of --duration, at most 10 s), or V8's sampling heap profiler could not start",
    library:
      'no heap profile was taken: watch() takes none (`rssdoctor run` names the code that keeps the memory)',
  },
} as const satisfies Record<string, Remedy>;
