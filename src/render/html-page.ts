// The frame every HTML view shares: one self-contained document with uPlot and the page's
// script inlined, and its data as JSON in a script element (never as HTML: `<` is escaped,
// so no value from a recording can end the element or inject markup).

import { uplotAssets } from './html-assets.js';

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1100px; color: #1d2330; background: #fff; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
.banner { padding: 14px 18px; border-radius: 8px; color: #fff; }
.banner .why { margin: 6px 0 0; padding-left: 18px; }
.v-leak, .v-native-leak { background: #b3261e; } .v-retention { background: #8a5a00; }
.v-no-gc-yet { background: #3556a8; } .v-steady { background: #2e7d32; } .v-inconclusive { background: #5f6368; }
table { border-collapse: collapse; } td, th { padding: 2px 10px; text-align: right; } td:first-child, th:first-child { text-align: left; }
.within td:first-child { padding-left: 26px; } .muted { color: #6b7280; }
td.what { text-align: left; color: #6b7280; font-size: 13px; max-width: 520px; }
ul.plain { padding-left: 18px; } .plot { margin: 8px 0 4px; }
table.sites td:first-child { width: 160px; } .bar { display: inline-block; height: 10px; background: #b3261e; border-radius: 2px; }
table.sites .site { text-align: left; font-family: ui-monospace, monospace; font-size: 13px; }
`;

export function htmlPage(options: {
  title: string;
  body: string;
  data: unknown;
  script: string;
}): string {
  const { script, css } = uplotAssets();
  const json = JSON.stringify(options.data).replaceAll('<', '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${css}</style><style>${STYLE}</style></head>
<body>
${options.body}
<script id="rssdoctor-data" type="application/json">${json}</script>
<script>${script}</script>
<script>${options.script}</script>
</body></html>
`;
}
