import { existsSync, readFileSync } from 'node:fs';

// The package version, read once from package.json next to dist/ (or, for the tests'
// build in .build-test/src/, two levels up).
function packageJsonUrl(): URL {
  const beside = new URL('../package.json', import.meta.url);
  return existsSync(beside) ? beside : new URL('../../package.json', import.meta.url);
}

export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(packageJsonUrl(), 'utf8')) as { version: string }
).version;
