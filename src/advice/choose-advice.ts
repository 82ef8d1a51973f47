// Advice for the process the verdict is about, by its runtime. An OS-level-only target gets
// none: without a runtime source there is no figure to name.

import type { Advice, AdviceFacts } from './advice.js';
import { goAdvice } from './go-advice.js';
import { jvmAdvice } from './jvm-advice.js';
import { nodeAdvice } from './node-advice.js';

export function chooseAdvice(facts: AdviceFacts): Advice[] {
  if (facts.verdict === 'inconclusive') return [];
  if (facts.runtime === 'node') return nodeAdvice(facts);
  if (facts.runtime === 'go') return goAdvice(facts);
  if (facts.runtime === 'jvm') return jvmAdvice(facts);
  return [];
}
