// Attribution in the agent: V8's sampling heap profiler in this isolate, through an
// in-process inspector.Session (no port is opened, nothing listens). Sampling starts at the
// first request, so its first profile is empty and every later one holds what was allocated
// since and is still kept: sampled objects leave the profile when a GC frees them (the
// live-only mode: startSampling without includeObjectsCollectedBy*GC). The agent asks for
// a profile right after a forced full GC. The session answers synchronously in-process.

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { profileSites, type ProfileNode } from './profile-sites.cjs';
import type { ProfileSites } from '../../../sources/site-table.cjs';

// rssdoctor's own files (the agent and what it loads): dist/, two folders up from here.
const AGENT_ROOT = path.resolve(__dirname, '../../..') + path.sep;

export interface HeapSampler {
  // The profile now, with the time it took (the isolate's pause); null when it failed.
  profile(): { sites: ProfileSites; pauseMs: number } | null;
  stop(): void;
}

export function heapSampler(samplingIntervalBytes: number): HeapSampler | null {
  let session: import('node:inspector').Session;
  try {
    // Loaded here, not with the agent: most isolates never profile (run/live-rise.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const inspector = require('node:inspector') as typeof import('node:inspector');
    session = new inspector.Session();
    session.connect();
  } catch {
    // Node built without the inspector, or a policy that forbids it.
    return null;
  }
  let failed = false;
  session.post(
    'HeapProfiler.startSampling',
    { samplingInterval: samplingIntervalBytes },
    (error) => {
      if (error !== null) failed = true;
    },
  );
  return {
    profile: () => {
      if (failed) return null;
      const started = performance.now();
      let head: ProfileNode | null = null;
      session.post('HeapProfiler.getSamplingProfile', (error, answer) => {
        if (error === null) head = answer.profile.head as ProfileNode;
      });
      if (head === null) return null;
      return { sites: profileSites(head, AGENT_ROOT), pauseMs: performance.now() - started };
    },
    stop: () => {
      try {
        session.post('HeapProfiler.stopSampling');
        session.disconnect();
      } catch {
        // already gone
      }
    },
  };
}
