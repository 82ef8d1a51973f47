// The comparison page's script, run by the browser: two runs on one x axis (seconds since
// each run's start), nulls where one has no point, so runs of any length or interval line up.

import { PLOT_PRELUDE } from './plot-prelude.js';

export const COMPARE_PAGE_SCRIPT = String.raw`
(function () {
${PLOT_PRELUDE}
  // One sorted x axis from both runs' times; each run's values where it has them.
  function merge(ta, va, tb, vb) {
    var at = {}, bt = {};
    ta.forEach(function (t, i) { at[t] = va[i]; });
    tb.forEach(function (t, i) { bt[t] = vb[i]; });
    var xs = Array.from(new Set(ta.concat(tb))).sort(function (x, y) { return x - y; });
    return [xs, xs.map(function (t) { return t in at ? at[t] : null; }), xs.map(function (t) { return t in bt ? bt[t] : null; })];
  }
  function plot(id, title, merged, dots) {
    if (merged[0].length < 2) return;
    new uPlot({
      width: width(), height: 300, title: title,
      scales: { x: { time: false } },
      axes: [{ label: 'seconds since each run started' }, bytesAxis],
      series: [
        { label: 's' },
        { label: 'before', stroke: '#b3261e', width: 2, spanGaps: true, paths: dots ? function () { return null; } : undefined, points: { show: dots, size: 6, fill: '#b3261e' }, value: function (u, v) { return mib(v); } },
        { label: 'after', stroke: '#2e7d32', width: 2, spanGaps: true, paths: dots ? function () { return null; } : undefined, points: { show: dots, size: 6, fill: '#2e7d32' }, value: function (u, v) { return mib(v); } },
      ],
    }, merged, document.getElementById(id));
  }
  var a = data.before, b = data.after;
  plot('plot-rss', 'RSS of the verdict’s process: before (red), after (green)', merge(a.t, a.rss, b.t, b.rss), false);
  plot('plot-live', 'Live heap after each full GC: before (red), after (green)', merge(a.liveT, a.live, b.liveT, b.live), true);
  document.body.setAttribute('data-drawn', 'true');
})();
`;
