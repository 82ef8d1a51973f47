// `--load "<command>"` split into an argument array the way a shell would split words, but
// with no shell: single quotes keep everything, double quotes keep all but \" and \\, a
// backslash escapes the next character. No expansion, no pipes, no redirections.

import { RssdoctorError } from '../errors.js';

export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else current += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) current += text[++i];
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) args.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (quote !== null) {
    throw new RssdoctorError('usage.invalidOption', `--load: unclosed ${quote} quote in "${text}"`);
  }
  if (inWord) args.push(current);
  if (args.length === 0) {
    throw new RssdoctorError('usage.invalidOption', '--load: expected a command, got nothing');
  }
  return args;
}
