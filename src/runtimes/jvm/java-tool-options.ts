// JAVA_TOOL_OPTIONS is the user's: the GC log options are appended. JDK 9+ logs every gc
// tag to a file per process (%p is the pid) with fixed decorations; JDK 8 takes -Xloggc
// with PrintGCDetails. The JVM prints "Picked up JAVA_TOOL_OPTIONS: …" on stderr: expected.

export function gcLogOptions(major: number, directory: string): string {
  const file = `${directory}/gc-%p.log`;
  return major >= 9
    ? `-Xlog:gc*:file=${file}:uptime,level,tags`
    : `-Xloggc:${file} -XX:+PrintGCDetails -XX:+PrintGCTimeStamps`;
}

export function mergeJavaToolOptions(existing: string | undefined, added: string): string {
  return existing === undefined || existing.trim() === '' ? added : `${existing} ${added}`;
}
