// uPlot, inlined into every HTML report so it works offline: read once from node_modules.
// uPlot over Chart.js or Plotly: 50 KB minified, canvas-based, and built for long time
// series (it draws 100k points in tens of ms); the report needs nothing more.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let assets: { script: string; css: string } | undefined;

export function uplotAssets(): { script: string; css: string } {
  assets ??= {
    script: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
  return assets;
}
