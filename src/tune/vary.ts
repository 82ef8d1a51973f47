// `--vary NAME=a|b|c`: one setting to compare, as an environment variable (GOGC,
// GOMEMLIMIT, GODEBUG, MALLOC_ARENA_MAX, LD_PRELOAD, …) or Node flags through NODE_OPTIONS.
// Several --vary give every combination.

import { RssdoctorError } from '../errors.js';

export interface Vary {
  name: string;
  values: string[];
}

export interface Setting {
  // "GOGC=25", or "GOGC=25 GOMEMLIMIT=64MiB" for a combination.
  label: string;
  env: Record<string, string>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseVary(text: string, option = '--vary'): Vary {
  const eq = text.indexOf('=');
  const name = eq > 0 ? text.slice(0, eq) : '';
  const values = eq > 0 ? text.slice(eq + 1).split('|') : [];
  if (!NAME.test(name) || values.length === 0 || values.some((value) => value === '')) {
    throw new RssdoctorError(
      'usage.invalidOption',
      `${option}: expected NAME=value|value (an environment variable and its values), got "${text}"`,
    );
  }
  return { name, values };
}

export function settingsOf(varies: readonly Vary[]): Setting[] {
  let settings: Setting[] = [{ label: '', env: {} }];
  for (const vary of varies) {
    settings = settings.flatMap((setting) =>
      vary.values.map((value) => ({
        label: `${setting.label}${setting.label === '' ? '' : ' '}${vary.name}=${value}`,
        env: { ...setting.env, [vary.name]: value },
      })),
    );
  }
  return settings;
}

// NODE_OPTIONS is appended to the user's, as the agent is; everything else replaces.
export function applySetting(base: NodeJS.ProcessEnv, setting: Setting): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const [name, value] of Object.entries(setting.env)) {
    env[name] =
      name === 'NODE_OPTIONS' && base.NODE_OPTIONS !== undefined && base.NODE_OPTIONS !== ''
        ? `${base.NODE_OPTIONS} ${value}`
        : value;
  }
  return env;
}
