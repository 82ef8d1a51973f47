import { InvalidArgumentError } from 'commander';
import type { RuntimeChoice } from '../run/target-plan.js';
import { RUNTIMES } from '../runtimes/registry.js';

// Every registered runtime, between auto (detect) and other (OS level only).
const CHOICES: readonly RuntimeChoice[] = ['auto', ...RUNTIMES.map((m) => m.name), 'other'];

// --runtime auto|node|go|jvm|python|other (`demo` narrows it to node|go itself).
export function parseRuntime(value: string): RuntimeChoice {
  if (!(CHOICES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${CHOICES.join(', ')}, got "${value}"`);
  }
  return value as RuntimeChoice;
}
