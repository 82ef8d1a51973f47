// `go run …` is rewritten into `go build -o <private dir>/<name> …` and then the binary
// itself. Run as is, the target would be the go command, whose compiler runs under the
// same GODEBUG and prints its own gctrace lines (10 to 17 of them were seen for a program
// that never GCs), and the trace could not be told apart. (DESIGN "Files and names")
//
//   go run [build flags] [-exec xprog] package [arguments...]
//
// The package is the first argument that is not a flag; if it names .go files, every
// following .go file belongs to it too. Everything after is the program's own argv.

import path from 'node:path';
import { RssdoctorError } from '../../errors.js';

// Build flags that take a value as the next argument (`-tags x`); `-tags=x` also works.
const VALUE_FLAGS = new Set([
  'C',
  'p',
  'asmflags',
  'buildmode',
  'compiler',
  'gccgoflags',
  'gcflags',
  'installsuffix',
  'ldflags',
  'mod',
  'modfile',
  'overlay',
  'pgo',
  'pkgdir',
  'tags',
  'toolexec',
  'coverpkg',
  'covermode',
]);

export interface GoRunPlan {
  goCommand: string;
  buildFlags: string[];
  packageArgs: string[];
  programArgs: string[];
  // A name for the binary (and so for the process): the package's last path element or
  // directory, or the first file's stem.
  binaryName: string;
}

export function isGoRun(command: readonly string[]): boolean {
  return command.length >= 2 && path.basename(command[0]!) === 'go' && command[1] === 'run';
}

export function planGoRun(command: readonly string[]): GoRunPlan {
  const buildFlags: string[] = [];
  let index = 2;
  while (index < command.length) {
    const arg = command[index]!;
    if (arg === '--') {
      index++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const name = arg.replace(/^--?/, '').split('=')[0]!;
    if (name === 'exec') {
      throw new RssdoctorError(
        'usage.invalidOption',
        'go run -exec is not supported: rssdoctor must start the program itself; build it with `go build` and run the binary',
      );
    }
    buildFlags.push(arg);
    if (VALUE_FLAGS.has(name) && !arg.includes('=') && index + 1 < command.length) {
      buildFlags.push(command[++index]!);
    }
    index++;
  }
  const first = command[index];
  if (first === undefined) {
    throw new RssdoctorError(
      'usage.invalidOption',
      '`go run` needs a package or .go files: expected `rssdoctor run -- go run <package> [args]`',
    );
  }
  const packageArgs = [first];
  index++;
  if (first.endsWith('.go')) {
    while (index < command.length && command[index]!.endsWith('.go'))
      packageArgs.push(command[index++]!);
  }
  return {
    goCommand: command[0]!,
    buildFlags,
    packageArgs,
    programArgs: command.slice(index),
    binaryName: binaryNameOf(first),
  };
}

function binaryNameOf(packageArg: string): string {
  if (packageArg.endsWith('.go')) return path.basename(packageArg, '.go');
  const cleaned = packageArg.replace(/\/\.\.\.$/, '').replace(/@.*$/, '');
  // `go run .` names the binary after the directory, as `go build` does.
  const base = path.basename(/^\.{1,2}$/.test(cleaned) ? path.resolve(cleaned) : cleaned);
  return base === '' || base === '/' ? 'main' : base;
}
