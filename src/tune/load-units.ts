// The units of work a load command reports, when it prints them: its last line that is a
// bare number, or "units: N" / "units=N". Without one, CPU is compared per run.

export function loadUnits(stdout: string): number | null {
  const lines = stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^(?:units\s*[:=]\s*)?(\d+)$/i.exec(lines[i]!);
    if (m !== null) return Number(m[1]);
  }
  return null;
}
