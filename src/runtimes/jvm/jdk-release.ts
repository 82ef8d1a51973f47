// Which JDK a `java` command belongs to, from the `release` file of its home (resolved
// through symlinks: /usr/bin/java → /etc/alternatives/java → …/java-17-openjdk/bin/java).
// JAVA_VERSION="1.8.0_392" is JDK 8; "17.0.15" is 17. The logging options differ, and a
// wrong one stops the JVM from starting, so nothing is guessed.

import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

export interface JdkRelease {
  javaHome: string;
  version: string;
  major: number;
}

export function jdkRelease(javaPath: string): JdkRelease | null {
  let real: string;
  try {
    real = realpathSync(javaPath);
  } catch {
    return null;
  }
  // bin/java in a JDK or JRE; jre/bin/java inside a JDK 8.
  for (const home of [
    path.dirname(path.dirname(real)),
    path.dirname(path.dirname(path.dirname(real))),
  ]) {
    let text: string;
    try {
      text = readFileSync(path.join(home, 'release'), 'utf8');
    } catch {
      continue;
    }
    const version = /^JAVA_VERSION="([^"]+)"/m.exec(text)?.[1];
    if (version === undefined) continue;
    const legacy = /^1\.(\d+)/.exec(version);
    const major = Number(legacy?.[1] ?? /^(\d+)/.exec(version)?.[1]);
    if (Number.isInteger(major)) return { javaHome: home, version, major };
  }
  return null;
}
