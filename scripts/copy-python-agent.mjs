// The Python agent is Python, which tsc does not copy: put it beside the compiled module.
// Usage: node scripts/copy-python-agent.mjs OUT_DIR (dist, or .build-test/src).

import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(root, process.argv[2] ?? 'dist');
cpSync(
  path.join(root, 'src', 'runtimes', 'python', 'agent'),
  path.join(out, 'runtimes', 'python', 'agent'),
  { recursive: true, filter: (source) => !source.includes('__pycache__') },
);
