// Node.js: the agent (NODE_OPTIONS --require) reports each full GC's survivors, the V8 heap
// and glibc malloc; rssdoctor forces full GCs when natural ones are too rare. A running
// Node is reached through its inspector instead (attach --inspector).

import path from 'node:path';
import { nodeCaps } from './caps.js';
import type { RuntimeModule } from '../runtime-module.js';
import { nodeAgentEnv } from './agent-env.js';
import { nodeAccounted } from './accounted.js';
import { nodeAdvice } from './advice.js';
import { nodeAnonParts } from './anon-split.js';
import { nodeBaselineBytes } from './baseline.js';
import { NODE_WORDS } from './words.js';
import { REMEDIES } from '../../verdict/remedy.js';

// A fresh Node process grows its own native memory (code caches, a malloc arena per
// thread) as it warms up: 1.4 MiB over the first 20 s of the steady fixture, measured
// here. Off-heap growth below this is not called a leak.
export const NODE_NATIVE_LEAK_MIN_BYTES = 4 * 1024 * 1024;

export const NODE: RuntimeModule = {
  name: 'node',
  title: 'Node.js',
  detect: (executable) => /^node(js)?$/.test(path.basename(executable)),
  agentEnv: nodeAgentEnv,
  // Only with consent: an open inspector is a debugger port any local user can reach.
  attach: (input) =>
    Promise.resolve(
      input.inspector
        ? {
            // Loaded on use: the inspector's WebSocket client is resident otherwise.
            open: async (context) =>
              (await import('./inspector/inspector-session.js')).openInspectorSession(
                input.pid,
                context,
              ),
            note: 'its live heap is read through its inspector (forced full GCs, paced)',
          }
        : {
            unavailableWhy:
              'its live heap can be read through its inspector: add --inspector (a debugger port then listens on 127.0.0.1 while rssdoctor watches, reachable by any local user); without it the verdict is OS-level',
          },
    ),
  words: NODE_WORDS,
  accounted: (lists) => nodeAccounted(lists.heaps),
  baselineBytes: (inputs) => nodeBaselineBytes(inputs.workers),
  nativeMinBytes: NODE_NATIVE_LEAK_MIN_BYTES,
  liveResolutionBytes: 0,
  anonParts: nodeAnonParts,
  advice: nodeAdvice,
  releaseCall: 'freeOSMemory() from rssdoctor/runtime',
  releaseProbe: 'agent',
  caps: nodeCaps,
  sites: {
    missingWhy: REMEDIES.noProfileYet.cli,
    unseen:
      'memory outside the V8 heap (the contents of Buffers and ArrayBuffers: the profiler sees only their small wrapper objects, so the code that keeps them still ranks, with a small share) or an isolate that was not profiled',
  },
};
