import { InvalidArgumentError } from 'commander';
import { isVerdict, VERDICTS, type Verdict } from '../verdict/verdicts.js';

// "leak,native-leak" → a set of verdicts that make the exit code 1.
export function parseFailOn(value: string): Verdict[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isVerdict(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(
      `expected a comma-separated list of ${VERDICTS.join(', ')}, got "${value}"`,
    );
  }
  return names as Verdict[];
}
