// A full GC of the calling isolate with no --expose-gc on the command line: the flag is
// set at run time and `gc` taken from a fresh context, so no global `gc` is left behind.
// Shared by the agent and rssdoctor/runtime.

import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let gcFunction: (() => void) | undefined;

export function fullGc(): void {
  if (gcFunction === undefined) {
    v8.setFlagsFromString('--expose-gc');
    gcFunction = vm.runInNewContext('gc') as () => void;
  }
  gcFunction();
}
