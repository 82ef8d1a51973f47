import { InvalidArgumentError } from 'commander';
import { CHANGE_VERDICTS, type ChangeVerdict } from '../compare/rate-difference.js';
import { isVerdict, VERDICTS, type Verdict } from '../verdict/verdicts.js';

// "leak,native-leak" → a set of verdicts that make the exit code 1.
export function parseFailOn(value: string): Verdict[] {
  return parseList(value, VERDICTS, isVerdict);
}

// compare's: "regressed,inconclusive".
export function parseChangeFailOn(value: string): ChangeVerdict[] {
  const known = (name: string): name is ChangeVerdict =>
    (CHANGE_VERDICTS as readonly string[]).includes(name);
  return parseList(value, CHANGE_VERDICTS, known);
}

function parseList<T extends string>(
  value: string,
  all: readonly T[],
  known: (name: string) => name is T,
): T[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0 || !names.every(known)) {
    throw new InvalidArgumentError(
      `expected a comma-separated list of ${all.join(', ')}, got "${value}"`,
    );
  }
  return names as T[];
}
