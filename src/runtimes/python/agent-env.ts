// The Python agent goes first on PYTHONPATH, so `site` imports its sitecustomize; the
// user's PYTHONPATH follows, and their own sitecustomize is imported by ours after it.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Copied beside the compiled module by the build (scripts/copy-python-agent.mjs).
export const PYTHON_AGENT_DIR = fileURLToPath(new URL('./agent', import.meta.url));

export function pythonAgentEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const existing = base.PYTHONPATH;
  return {
    ...base,
    PYTHONPATH:
      existing === undefined || existing === ''
        ? PYTHON_AGENT_DIR
        : `${PYTHON_AGENT_DIR}${path.delimiter}${existing}`,
  };
}
