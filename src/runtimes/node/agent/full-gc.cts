// A full GC of the calling isolate with no --expose-gc on the command
// line: the flag is set at run time and `gc` taken from a fresh context, so no global
// `gc` is left behind.
// Shared by the agent and rssdoctor/runtime.

import * as v8 from 'node:v8';

type GcFunction = () => void;

let gcFunction: GcFunction | undefined;

function exposedGc(): GcFunction {
  if (gcFunction === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vm = require('node:vm') as typeof import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    gcFunction = vm.runInNewContext('gc') as GcFunction;
  }
  return gcFunction;
}

export function fullGc(): void {
  exposedGc()();
}
