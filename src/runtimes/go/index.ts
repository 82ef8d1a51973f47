// Go: GODEBUG=gctrace=1 on the target's stderr gives each GC's live heap (H2), goal and
// stacks; its binary's build info says it is Go.

import type { RuntimeModule } from '../runtime-module.js';
import { readGoBuildInfo } from '../../target/go-build-info.js';
import { GCTRACE_RESOLUTION_BYTES } from '../../analysis/go-findings.js';
import { NODE_NATIVE_LEAK_MIN_BYTES } from '../node/index.js';
import { goAccounted } from './accounted.js';
import { goAdvice } from './advice.js';
import { goAnonParts } from './anon-split.js';
import { goBaselineBytes } from './baseline.js';
import { GO_WORDS } from './words.js';

export const GO: RuntimeModule = {
  name: 'go',
  title: 'Go',
  detect: (executable) => readGoBuildInfo(executable) !== null,
  words: GO_WORDS,
  accounted: (lists) => goAccounted(lists.gcs),
  baselineBytes: (inputs) => goBaselineBytes(inputs.goalBytes, inputs.liveBytes),
  // The Node figure (runtimes/node), applied to Go before the split too; not measured for Go.
  nativeMinBytes: NODE_NATIVE_LEAK_MIN_BYTES,
  liveResolutionBytes: GCTRACE_RESOLUTION_BYTES,
  anonParts: (inputs) => goAnonParts(inputs),
  advice: goAdvice,
  releaseCall:
    'debug.FreeOSMemory() (runtime/debug): a forced GC, then every free heap page returned to the OS at once',
  releaseProbe: 'none',
};
