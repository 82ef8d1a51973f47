// What one runtime contributes to the pipeline. The stages (recording → analysis → verdict
// → report) are generic and call a runtime only through this interface; everything a
// runtime knows lives in its folder beside this file, and registry.ts lists them. Adding a
// runtime is one folder and one line there.

import type { Advice, AdviceFacts } from '../advice/advice.js';
import type { ProcessRecordLists } from '../analysis/process-findings.js';
import type { Series } from '../analysis/series.js';
import type { Runtime } from '../recording/records.js';
import type { AnonPart } from '../report/anon-part.js';
import type { BreakdownInputs } from '../report/breakdown-inputs.js';

// The words a reason uses for this runtime's memory: what "live data" is, what is
// subtracted to get off-heap memory, what holds memory for reuse, what the file-backed
// part is, so that every explanation speaks the target's own terms.
export interface RuntimeWords {
  // "a Node process", "a Go program": in sentences such as "not measured from outside …".
  program: string;
  live: string;
  pointsAre: string;
  nativeFormula: string;
  nativeCauses: string;
  heldFor: string;
  fileBacked: string;
  // Whose memory the runtime's own baseline is (see baselineBytes).
  baseline: string;
}

// What the held-memory finding knows when it asks for the runtime's own baseline.
export interface BaselineInputs {
  anonBytes: number;
  liveBytes: number;
  workers: number;
  goalBytes: number | null;
  heapResidentBytes: number | null;
}

export interface RuntimeModule {
  name: Exclude<Runtime, 'other'>;
  // How `--runtime` and the report name it to people.
  title: string;
  // Is this executable (the resolved first word of the command) this runtime?
  detect: (executablePath: string) => boolean;
  // How `run` loads the agent into this runtime's processes: the environment it adds to
  // (never replacing the user's values). Harmless to a process of another runtime, so a
  // wrapper (`npm start`, `sh -c`) gets it too. Absent: the runtime has no agent.
  agentEnv?: (base: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  words: RuntimeWords;
  // What the runtime accounts for over time, subtracted from RssAnon for off-heap memory.
  accounted: (lists: ProcessRecordLists) => Series;
  // Anonymous memory beyond live data that is the runtime's own, not waste.
  baselineBytes: (inputs: BaselineInputs) => number;
  // Off-heap growth below this is the runtime warming up, not a leak.
  nativeMinBytes: number;
  // The live points' resolution: a difference of two is off by up to this much.
  liveResolutionBytes: number;
  // Its share of anonymous memory, by its own figures.
  anonParts: (inputs: BreakdownInputs, mallocWhy: string | null) => AnonPart[];
  advice: (facts: AdviceFacts) => Advice[];
  // The call that does in the program what --probe-release does from outside, and how
  // rssdoctor runs the probe itself: through its agent, the attach socket, or not at all
  // (the report then names the call).
  releaseCall: string;
  releaseProbe: 'agent' | 'attach' | 'none';
}
