// Finds the file a command name runs, as execvp would: a name with a slash is a path,
// anything else is looked up on PATH. Used to inspect the binary before it starts.

import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export function resolveCommand(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (name.includes('/')) return isExecutable(name) ? path.resolve(name) : null;
  for (const dir of (env.PATH ?? '').split(':')) {
    const candidate = path.join(dir === '' ? '.' : dir, name);
    if (isExecutable(candidate)) return path.resolve(candidate);
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
