// What one runtime contributes to the pipeline. The stages (recording → analysis → verdict
// → report) are generic and call a runtime only through this interface; everything a
// runtime knows lives in its folder beside this file, and registry.ts lists them. Adding a
// runtime is one folder and one line there.

import type { Advice, AdviceFacts } from '../advice/advice.js';
import type { ProcessRecordLists } from '../analysis/process-findings.js';
import type { MemoryCap } from '../analysis/memory-cap.js';
import type { Series } from '../analysis/series.js';
import type { Runtime } from '../recording/records.js';
import type { OwnFindings, RuntimeExplain } from './runtime-evidence.js';
import type { RuntimeForecaster } from './runtime-forecast.js';
import type {
  AttachInput,
  AttachPlan,
  PlanInput,
  RuntimePlan,
  RuntimeSession,
  SessionContext,
} from './runtime-session.js';
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
  // Why its live figures are whole units, when they are (see liveResolutionBytes).
  resolution?: string;
}

// Attribution's words for this runtime (report/attribution.ts). missingWhy: said when no
// profile was taken and no source said why (Go: the option that adds one). unseen: what
// its profiles do not see, said when the sites explain little of the live-heap growth.
export interface RuntimeSitesWords {
  missingWhy: string;
  unseen: string;
}

// What the held-memory finding knows when it asks for the runtime's own baseline.
export interface BaselineInputs {
  anonBytes: number;
  liveBytes: number;
  workers: number;
}

// D: the runtime's own findings (findings below), which only its module reads.
export interface RuntimeModule<D = unknown> {
  name: Exclude<Runtime, 'other'>;
  // How `--runtime` and the report name it to people.
  title: string;
  // Is this executable (the resolved first word of the command) this runtime?
  detect: (executablePath: string) => boolean;
  // How `run` loads the agent into this runtime's processes: the environment it adds to
  // (never replacing the user's values). Harmless to a process of another runtime, so a
  // wrapper (`npm start`, `sh -c`) gets it too. Absent: the runtime has no agent.
  agentEnv?: (base: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  // Claims the target when it is this runtime's (or --runtime names it): null leaves it to
  // the next module. Absent: the runtime is reached through the agent alone.
  plan?: (input: PlanInput) => Promise<RuntimePlan | null>;
  // Is this running process this runtime, beyond its executable (a JVM embedded in a
  // launcher: libjvm.so in its maps)? Absent: detect on /proc/PID/exe alone.
  detectProcess?: (pid: number) => boolean;
  // How `attach` reaches a running process of this runtime. Absent: OS level, said so.
  attach?: (input: AttachInput) => Promise<AttachPlan>;
  // Watches the tree for this runtime's processes that its plan did not reach (a JVM
  // started by a wrapper), to say what they miss.
  watchUnclaimed?: (context: SessionContext) => RuntimeSession;
  words: RuntimeWords;
  // What the runtime accounts for over time, subtracted from RssAnon for off-heap memory.
  accounted: (lists: ProcessRecordLists) => Series;
  // What its own records prove beyond the live series (Go's trace, the JVM's GC log): the
  // proofs the verdict reads, and the detail its explanations quote. Absent: nothing more.
  findings?(
    lists: ProcessRecordLists,
    span: { startMs: number; endMs: number },
  ): OwnFindings<D> | null;
  // The reasons only this runtime can give, in its own terms (see runtime-evidence.ts).
  explain?: RuntimeExplain<D>;
  // Anonymous memory beyond live data that is the runtime's own, not waste. (Methods, not
  // properties, where D is a parameter: a module of any D then fits the registry's list.)
  baselineBytes(inputs: BaselineInputs, own: D | null): number;
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
  // Absent: rssdoctor names no code for this runtime (the report says so).
  sites?: RuntimeSitesWords;
  // The limits the runtime itself sets (a heap limit, GOMEMLIMIT), from its records, for
  // the projection (report/projection.ts). Absent: only the OS's limits apply.
  caps?: (lists: ProcessRecordLists) => MemoryCap[];
  // `tune --predict`: forecasts other settings from one run. Absent: tune measures only.
  forecaster?: RuntimeForecaster;
}
