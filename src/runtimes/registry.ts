// The runtimes rssdoctor knows, in one list: a process with no runtime source is OS level
// ('other'), judged from /proc alone.

import type { Runtime } from '../recording/records.js';
import { GO } from './go/index.js';
import { JVM } from './jvm/index.js';
import { NODE } from './node/index.js';
import { PYTHON } from './python/index.js';
import type { RuntimeModule } from './runtime-module.js';

export const RUNTIMES: readonly RuntimeModule[] = [NODE, GO, JVM, PYTHON];

// The module of a runtime, or null at OS level.
export function runtimeModule(runtime: Runtime): RuntimeModule | null {
  return RUNTIMES.find((module) => module.name === runtime) ?? null;
}
