// Advice for the process the verdict is about, from its runtime's module. An OS-level-only
// target gets none: without a runtime source there is no figure to name.

import { runtimeModule } from '../runtimes/registry.js';
import type { Advice, AdviceFacts } from './advice.js';

export function chooseAdvice(facts: AdviceFacts): Advice[] {
  if (facts.verdict === 'inconclusive') return [];
  return runtimeModule(facts.runtime)?.advice(facts) ?? [];
}
