// Go: GODEBUG=gctrace=1 on the target's stderr gives each GC's live heap (H2), goal and
// stacks; its binary's build info says it is Go.

import { goCaps } from './caps.js';
import { GO_FORECASTER } from './forecast.js';
import type { RuntimeModule } from '../runtime-module.js';
import { readGoBuildInfo } from './build-info.js';
import {
  coarseRiseReason,
  goStacksReasons,
  goTooFewReason,
  memoryLimitReasons,
  noGcYetReasons,
  quietBoundReasons,
  staleLiveReason,
} from './explain.js';
import {
  GCTRACE_RESOLUTION_BYTES,
  GO_COARSE_LIVE_BYTES,
  goOwnFindings,
  type GoFindings,
} from './findings.js';
import { NODE_NATIVE_LEAK_MIN_BYTES } from '../node/index.js';
import { goAccounted } from './accounted.js';
import { goAdvice } from './advice.js';
import { goAnonParts } from './anon-split.js';
import { goBaselineBytes } from './baseline.js';
import { openGoEndpointSession } from './endpoint-session.js';
import { planGo } from './plan.js';
import { GO_WORDS } from './words.js';

export const GO: RuntimeModule<GoFindings> = {
  name: 'go',
  title: 'Go',
  detect: (executable) => readGoBuildInfo(executable) !== null,
  plan: planGo,
  // A trace cannot be turned on after start: the program's own endpoints, when it has them.
  attach: (input) =>
    Promise.resolve(
      input.pprofUrl === null && input.expvarUrl === null
        ? {
            unavailableWhy:
              'a running Go program cannot be traced; its live heap comes from its own endpoints: --pprof http://127.0.0.1:PORT/debug/pprof (net/http/pprof) or --expvar http://127.0.0.1:PORT/debug/vars (expvar); without either the verdict is OS-level',
          }
        : {
            open: (context) => openGoEndpointSession(input.pid, input, context),
            note:
              input.pprofUrl !== null
                ? `its live heap comes from ${input.pprofUrl} (heap?gc=1: a full GC, paced)`
                : `its live heap is estimated from each GC's goal in ${input.expvarUrl}`,
          },
    ),
  words: GO_WORDS,
  accounted: (lists) => goAccounted(lists.gcs),
  findings: (lists, span) => goOwnFindings(lists.goFacts, lists.gcs, lists.scavs, span),
  explain: {
    pointsText: (found) => `${found.live.points} live points from ${GO_WORDS.pointsAre}`,
    noGcYet: noGcYetReasons,
    tooFew: goTooFewReason,
    bounds: quietBoundReasons,
    stale: staleLiveReason,
    memoryLimit: memoryLimitReasons,
    stacks: goStacksReasons,
    coarseRise: coarseRiseReason,
    coarseLiveNote: (pid) => ({
      code: 'analysis.goCoarseLive',
      text: `pid ${pid}: gctrace gives the Go heap in whole MiB and this live heap is under ${GO_COARSE_LIVE_BYTES / (1024 * 1024)} MiB, so its live points are coarse; a rising H2 counts as a leak only if RSS rises with it`,
    }),
  },
  baselineBytes: (inputs, go) => goBaselineBytes(go?.lastGoalBytes ?? null, inputs.liveBytes),
  // The Node figure (runtimes/node), applied to Go before the split too; not measured for Go.
  nativeMinBytes: NODE_NATIVE_LEAK_MIN_BYTES,
  liveResolutionBytes: GCTRACE_RESOLUTION_BYTES,
  anonParts: (inputs) => goAnonParts(inputs),
  advice: goAdvice,
  releaseCall:
    'debug.FreeOSMemory() (runtime/debug): a forced GC, then every free heap page returned to the OS at once',
  releaseProbe: 'none',
  caps: goCaps,
  forecaster: GO_FORECASTER,
  sites: {
    missingWhy:
      'a Go program is profiled through its own net/http/pprof: import _ "net/http/pprof", serve it on 127.0.0.1, and add --pprof http://127.0.0.1:PORT/debug/pprof',
    unseen:
      "memory outside the Go heap (goroutine stacks, cgo, mmap) or the profile's sampling error (one sample per 512 KiB allocated, runtime.MemProfileRate)",
  },
};
