// Fits a terminal report to a narrow terminal: every line longer than the width is broken
// at spaces, its continuation indented under its text (past a "• " or "! " bullet). A
// word longer than the width (a path) stays whole: broken, it could not be copied.
// Without a width (a pipe, a file) lines stay whole, one reason per line for grep.

const BULLET = /^(\s*)([•!*] )?/;

export function fitToWidth(text: string, widthColumns: number | undefined): string {
  if (widthColumns === undefined || widthColumns < 20) return text;
  return text
    .split('\n')
    .flatMap((line) => fitLine(line, widthColumns))
    .join('\n');
}

function fitLine(line: string, width: number): string[] {
  if ([...line].length <= width) return [line];
  const match = BULLET.exec(line)!;
  const hang = ' '.repeat(match[1]!.length + (match[2]?.length ?? 0));
  const out: string[] = [];
  let current = match[0];
  for (const word of line.slice(match[0].length).split(' ')) {
    const atStart = current.trim().length === 0 || current === match[0];
    const candidate = atStart ? current + word : `${current} ${word}`;
    if ([...candidate].length <= width || atStart) current = candidate;
    else {
      out.push(current);
      current = hang + word;
    }
  }
  out.push(current);
  return out;
}
