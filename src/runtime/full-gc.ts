// A full GC of this isolate with no --expose-gc on the command line: the flag is set at
// run time and `gc` is taken from a fresh context (the same way the agent does it). Only
// this isolate: each worker thread has its own heap and must call it itself.

import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let gcFunction: (() => void) | undefined;

export function gc(): void {
  if (gcFunction === undefined) {
    v8.setFlagsFromString('--expose-gc');
    gcFunction = vm.runInNewContext('gc') as () => void;
  }
  gcFunction();
}
