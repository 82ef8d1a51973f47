// GODEBUG is the user's: gctrace and scavtrace are merged into it, every other setting
// (madvdontneed=0, say) is kept as given. A gctrace the user already raised is kept.

import { godebugValue } from './settings.js';

export function mergeGodebug(existing: string | undefined): string {
  const kept = (existing ?? '')
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '' && !/^(gctrace|scavtrace)=/.test(pair));
  const level = (name: string): string => {
    const value = Number(godebugValue(existing, name) ?? '0');
    return Number.isInteger(value) && value >= 1 ? String(value) : '1';
  };
  return [...kept, `gctrace=${level('gctrace')}`, `scavtrace=${level('scavtrace')}`].join(',');
}
