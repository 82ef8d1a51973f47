import { InvalidArgumentError } from 'commander';

// A whole number no smaller than `min`, or a usage error naming the option and the value.
export function parseCount(value: string, option: string, min: number): number {
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(count) || count < min) {
    throw new InvalidArgumentError(`${option} expects a whole number ≥ ${min}, got "${value}"`);
  }
  return count;
}
