// The HTML report's page script, run by the browser: draws the plots with uPlot from the
// JSON the page carries. Kept as plain ES2020 so every current browser runs it as is.

import { PLOT_PRELUDE } from './plot-prelude.js';

export const REPORT_PAGE_SCRIPT = String.raw`
(function () {
${PLOT_PRELUDE}
  var colors = { gc: 'rgba(95,99,104,0.35)', 'forced-gc': 'rgba(179,38,30,0.55)', probe: 'rgba(53,86,168,0.9)' };
  function markers(list) {
    return [function (u) {
      var ctx = u.ctx; ctx.save();
      list.forEach(function (m) {
        var x = u.valToPos(m.t, 'x', true);
        if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
        ctx.strokeStyle = colors[m.kind]; ctx.lineWidth = m.kind === 'probe' ? 2 : 1;
        ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
      });
      ctx.restore();
    }];
  }
  function legendOf(values) { return function (u, v, si, i) { return i == null ? '' : mib(values[i]); }; }

  var view = data.view;
  var m = view.memory;
  if (m.t.length > 1) {
    // Stacked bottom up: file, shmem, live heap, the rest of anon. Each series is the
    // running total and fills to zero, drawn top layer first.
    var restOfAnon = m.anon.map(function (a, i) { return a - m.liveHeap[i]; });
    var fileShmem = m.file.map(function (f, i) { return f + m.shmem[i]; });
    var withLive = fileShmem.map(function (v, i) { return v + m.liveHeap[i]; });
    var total = withLive.map(function (v, i) { return v + restOfAnon[i]; });
    new uPlot({
      width: width(), height: 320, title: 'RSS over time, stacked: file, shmem, live data, rest of anon; GC and probe markers',
      // Stacked parts start at zero, or their sizes would mislead.
      scales: { x: { time: false }, y: { range: function (u, lo, hi) { return [0, hi * 1.05]; } } },
      axes: [{ label: 'seconds since start' }, bytesAxis],
      series: [
        { label: 's' },
        { label: 'anon beyond live data', stroke: '#b3261e', fill: 'rgba(179,38,30,0.28)', points: { show: false }, value: legendOf(restOfAnon) },
        { label: 'live data', stroke: '#2e7d32', fill: 'rgba(46,125,50,0.35)', points: { show: false }, value: legendOf(m.liveHeap) },
        { label: 'shmem', stroke: '#8a5a00', fill: 'rgba(138,90,0,0.35)', points: { show: false }, value: legendOf(m.shmem) },
        { label: 'file', stroke: '#3556a8', fill: 'rgba(53,86,168,0.35)', points: { show: false }, value: legendOf(m.file) },
      ],
      hooks: { draw: markers(view.markers) },
    }, [m.t, total, withLive, fileShmem, m.file], document.getElementById('plot-memory'));
  }

  var l = view.live;
  if (l.t.length > 1) {
    var fit = view.fit;
    var nulls = l.t.map(function () { return null; });
    var line = fit ? l.t.map(function (t) { return fit.interceptBytes + fit.slopeBytesPerSecond * t; }) : nulls;
    function through(slope) {
      if (!fit) return nulls;
      var pivot = fit.interceptBytes + fit.slopeBytesPerSecond * fit.pivotSeconds;
      return l.t.map(function (t) { return pivot + slope * (t - fit.pivotSeconds); });
    }
    new uPlot({
      width: width(), height: 300, title: 'Live heap after each full GC, with the Theil–Sen line and its 95% interval',
      scales: { x: { time: false } },
      axes: [{ label: 'seconds since start' }, bytesAxis],
      series: [
        { label: 's' },
        { label: 'live', stroke: '#1d2330', paths: function () { return null; }, points: { show: true, size: 7, fill: '#1d2330' }, value: legendOf(l.bytes) },
        { label: 'Theil–Sen', stroke: '#b3261e', width: 2, points: { show: false }, value: function (u, v) { return mib(v); } },
        { label: 'interval low', stroke: 'rgba(179,38,30,0.45)', dash: [5, 5], points: { show: false }, value: function (u, v) { return mib(v); } },
        { label: 'interval high', stroke: 'rgba(179,38,30,0.45)', dash: [5, 5], points: { show: false }, value: function (u, v) { return mib(v); } },
      ],
      bands: fit ? [{ series: [4, 3], fill: 'rgba(179,38,30,0.12)' }] : [],
      hooks: { draw: markers(view.markers) },
    }, [l.t, l.bytes, line, through(fit && fit.lowerBytesPerSecond), through(fit && fit.upperBytesPerSecond)], document.getElementById('plot-live'));
  }
  var p = data.projection;
  if (p && p.observed.t.length > 0) {
    // Observed points, then the projection from the last sample: one x axis, nulls where
    // a series has no value.
    var steps = 60;
    var future = [];
    for (var k = 0; k <= steps; k++) future.push(p.fromSeconds + (p.untilSeconds - p.fromSeconds) * k / steps);
    var xs = p.observed.t.concat(future);
    var n = p.observed.t.length;
    function ahead(slope) {
      return xs.map(function (t, i) { return i < n ? null : Math.max(0, p.levelBytes + slope * (t - p.fromSeconds)); });
    }
    var seen = xs.map(function (t, i) { return i < n ? p.observed.bytes[i] : null; });
    var limit = xs.map(function () { return p.limitBytes; });
    var bites = xs.map(function () { return p.limitMarginBytes > 0 ? p.limitBytes + p.limitMarginBytes : null; });
    new uPlot({
      width: width(), height: 300, title: (p.series === 'live' ? 'Live heap' : 'RSS') + ' toward ' + p.limitName + ', projected with its 95% interval',
      scales: { x: { time: false }, y: { range: function (u, lo, hi) { return [0, Math.max(hi, p.limitBytes) * 1.05]; } } },
      axes: [{ label: 'seconds since start' }, bytesAxis],
      series: [
        { label: 's' },
        { label: p.series === 'live' ? 'live' : 'RSS', stroke: '#1d2330', paths: p.series === 'live' ? function () { return null; } : undefined, points: { show: p.series === 'live', size: 6, fill: '#1d2330' }, value: legendOf(seen) },
        { label: 'projected', stroke: '#b3261e', width: 2, points: { show: false }, value: function (u, v) { return mib(v); } },
        { label: 'fast end', stroke: 'rgba(179,38,30,0.45)', dash: [5, 5], points: { show: false }, value: function (u, v) { return mib(v); } },
        { label: 'slow end', stroke: 'rgba(179,38,30,0.45)', dash: [5, 5], points: { show: false }, value: function (u, v) { return mib(v); } },
        { label: 'limit', stroke: '#8a5a00', width: 2, dash: [10, 4], points: { show: false }, value: function (u, v) { return mib(v); } },
        { label: 'limit bites by', show: p.limitMarginBytes > 0, stroke: 'rgba(138,90,0,0.5)', dash: [3, 3], points: { show: false }, value: function (u, v) { return mib(v); } },
      ],
      bands: [{ series: [3, 4], fill: 'rgba(179,38,30,0.12)' }, { series: [6, 5], fill: 'rgba(138,90,0,0.12)' }],
    }, [xs, seen, ahead(p.slopeBytesPerSecond), ahead(p.upperBytesPerSecond), ahead(Math.max(0, p.lowerBytesPerSecond)), limit, bites], document.getElementById('plot-projection'));
  }
  document.body.setAttribute('data-drawn', 'true');
})();
`;
