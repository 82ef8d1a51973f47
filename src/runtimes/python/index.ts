// Python (CPython 3.8+): an agent loaded through PYTHONPATH (agent/sitecustomize.py)
// reports each full collection's live size and the allocators' figures over the same
// socket and protocol as the Node agent, and answers forced collections paced the same way.

import path from 'node:path';
import type { RuntimeModule } from '../runtime-module.js';
import { pythonAgentEnv } from './agent-env.js';
import { pythonAccounted } from './accounted.js';
import { pythonAdvice } from './advice.js';
import { pythonAnonParts } from './anon-split.js';
import { PYTHON_WORDS, SMALL_BLOCK_BYTES } from './words.js';

// Anonymous memory beyond the live size (which already holds the interpreter as it
// started): the agent's thread and its malloc arena, 0.95 MiB on churn-flat.py under
// Python 3.11 here (`rssdoctor run --duration 20 -- python3 test/fixtures/programs/
// churn-flat.py 60`, reason live-flat), rounded up.
export const PYTHON_BASELINE_BYTES = 2 * 1024 * 1024;
// The Node figure (runtimes/node), not measured for Python: an interpreter's own caches
// (imports, compiled code) also grow after start.
export const PYTHON_NATIVE_LEAK_MIN_BYTES = 4 * 1024 * 1024;

export const PYTHON: RuntimeModule = {
  name: 'python',
  title: 'Python',
  detect: (executable) => /^python(\d+(\.\d+)*)?$/.test(path.basename(executable)),
  agentEnv: pythonAgentEnv,
  words: PYTHON_WORDS,
  accounted: (lists) => pythonAccounted(lists.heaps),
  baselineBytes: () => PYTHON_BASELINE_BYTES,
  nativeMinBytes: PYTHON_NATIVE_LEAK_MIN_BYTES,
  // A block more or less between two points is SMALL_BLOCK_BYTES: far under any rule.
  liveResolutionBytes: SMALL_BLOCK_BYTES,
  anonParts: pythonAnonParts,
  advice: pythonAdvice,
  releaseCall: 'gc.collect(), then ctypes.CDLL(None).malloc_trim(0)',
  releaseProbe: 'agent',
};
