// Empties a build directory before tsc writes it, so that a file moved or deleted in src/
// leaves no stale copy behind (a stale test would still run; a stale module would ship).
// Usage: node scripts/clean.mjs DIR (dist or .build-test, inside the repository only).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(root, process.argv[2] ?? '');
if (dir === root || !dir.startsWith(root + path.sep)) {
  throw new Error(`refusing to clean ${dir}: expected a directory inside ${root}`);
}
rmSync(dir, { recursive: true, force: true });
