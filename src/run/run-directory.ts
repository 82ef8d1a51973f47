// The run's private directory (mkdtemp, 0700): the agent socket, the Go trace file and
// `go run` builds live here, readable by the owner only. Removed at the end of the run
// unless --keep-temp.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunDirectory {
  path: string;
  remove: () => void;
}

export function openRunDirectory(keep: boolean): RunDirectory {
  const directory = mkdtempSync(path.join(tmpdir(), 'rssdoctor-'));
  return {
    path: directory,
    remove: () => {
      if (!keep) rmSync(directory, { recursive: true, force: true });
    },
  };
}
