// `rssdoctor tune --html`: steady RSS against CPU, one point per setting (the Pareto front
// marked), above the same table the terminal shows. Self-contained, like the run report.

import { escapeHtml, htmlPage } from '../render/html-page.js';
import { renderTuneTable } from './tune-table.js';
import type { TuneResult } from './tune.js';

const SCATTER_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('rssdoctor-data').textContent);
  var MiB = 1048576;
  var points = data.points.filter(function (p) { return p.cpu != null && p.rss != null; })
    .sort(function (a, b) { return a.cpu - b.cpu; });
  if (points.length > 0) {
    var xs = points.map(function (p) { return p.cpu; });
    var ys = points.map(function (p) { return p.rss; });
    var pad = function (lo, hi) { var d = (hi - lo) || Math.abs(hi) || 1; return [lo - d * 0.15, hi + d * 0.15]; };
    new uPlot({
      width: Math.max(480, Math.min(1100, document.body.clientWidth)), height: 360,
      title: 'Steady RSS against CPU, one point per setting (median of its runs)',
      scales: {
        x: { time: false, range: function (u, lo, hi) { return pad(lo, hi); } },
        y: { range: function (u, lo, hi) { return pad(lo, hi); } },
      },
      axes: [
        { label: data.cpuLabel },
        { size: 80, values: function (u, v) { return v.map(function (b) { return (b / MiB).toFixed(1) + ' MiB'; }); } },
      ],
      series: [{ label: 'CPU' }, { label: 'steady RSS', stroke: '#b3261e', paths: function () { return null; }, points: { show: true, size: 12, fill: '#b3261e' } }],
      hooks: { draw: [function (u) {
        var ctx = u.ctx; ctx.save(); ctx.fillStyle = '#1d2330'; ctx.font = (12 * devicePixelRatio) + 'px system-ui';
        points.forEach(function (p) {
          var x = u.valToPos(p.cpu, 'x', true);
          var right = x > u.bbox.left + u.bbox.width / 2;
          ctx.textAlign = right ? 'right' : 'left';
          ctx.fillText(p.label + (p.pareto ? ' *' : ''), x + (right ? -10 : 10), u.valToPos(p.rss, 'y', true) - 8);
        });
        ctx.restore();
      }] },
    }, [xs, ys], document.getElementById('plot-scatter'));
  }
  document.body.setAttribute('data-drawn', 'true');
})();
`;

export function renderTuneHtml(result: TuneResult): string {
  const perUnit = result.unit !== null;
  const points = result.settings.map((summary) => ({
    label: summary.setting.label,
    cpu: perUnit ? summary.cpuMsPer1000Units.median : summary.cpuMs.median,
    rss: summary.steadyRssBytes.median,
    pareto: summary.pareto,
  }));
  const cpuLabel = perUnit ? `CPU ms per 1,000 ${result.unit}s` : 'CPU ms per run';
  const body = [
    `<h1>rssdoctor tune: ${result.settings.length} settings × ${result.repeat} runs${result.interrupted ? ' (interrupted)' : ''}</h1>`,
    '<div id="plot-scatter" class="plot"></div>',
    '<p class="muted">* on the Pareto front: no other setting has both less steady RSS and less CPU.</p>',
    `<pre>${escapeHtml(renderTuneTable(result))}</pre>`,
  ].join('\n');
  return htmlPage({
    title: 'rssdoctor tune',
    body,
    data: { points, cpuLabel },
    script: SCATTER_SCRIPT,
  });
}
