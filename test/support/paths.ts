import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Tests run compiled from .build-test/test/…; the repository root is three levels up.
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const binPath = path.join(repoRoot, 'bin', 'rssdoctor.js');

export function fixturePath(name: string): string {
  return path.join(repoRoot, 'test', 'fixtures', 'programs', name);
}
