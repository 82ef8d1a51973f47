// The Node agent goes into NODE_OPTIONS: the user's value is kept, the agent appended.

import { fileURLToPath } from 'node:url';

const AGENT_PATH = fileURLToPath(new URL('./agent/agent.cjs', import.meta.url));

export function nodeAgentEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, NODE_OPTIONS: appendRequire(base.NODE_OPTIONS, AGENT_PATH) };
}

function appendRequire(existing: string | undefined, agentPath: string): string {
  const quoted = /[\s"\\]/.test(agentPath)
    ? `"${agentPath.replace(/(["\\])/g, '\\$1')}"`
    : agentPath;
  const require = `--require ${quoted}`;
  return existing === undefined || existing.trim() === '' ? require : `${existing} ${require}`;
}
