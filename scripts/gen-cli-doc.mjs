// Prints docs/cli.md from the command specs (run `npm run docs:cli` after `npm run build`).
import { renderCliDoc } from '../dist/cli/cli-doc.js';

process.stdout.write(renderCliDoc());
