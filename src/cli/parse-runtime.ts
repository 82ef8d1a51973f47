import { InvalidArgumentError } from 'commander';
import type { RuntimeChoice } from '../run/target-plan.js';

const CHOICES: readonly RuntimeChoice[] = ['auto', 'node', 'go', 'jvm', 'python', 'other'];

// --runtime auto|node|go|jvm|python|other (`demo` narrows it to node|go itself).
export function parseRuntime(value: string): RuntimeChoice {
  if (!(CHOICES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${CHOICES.join(', ')}, got "${value}"`);
  }
  return value as RuntimeChoice;
}
