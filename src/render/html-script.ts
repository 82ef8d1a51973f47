// The HTML report's page script, run by the browser: draws the plots with uPlot from the
// JSON the page carries. Kept as plain ES2020 so every current browser runs it as is.

import { PLOT_PRELUDE } from './plot-prelude.js';

export const REPORT_PAGE_SCRIPT = String.raw`
(function () {
${PLOT_PRELUDE}
  var view = data.view;
  // Time on every x axis is the wall clock (uPlot's time scale, in the browser's zone):
  // samples carry seconds since start, the page adds the run's start.
  var t0 = view.startSeconds;
  function clock(ts) { return ts.map(function (t) { return t0 + t; }); }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function since(sec) {
    var s = Math.max(0, Math.round(sec - t0));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return (h > 0 ? h + ':' + pad(m) : String(m)) + ':' + pad(s % 60);
  }
  function at(sec) { return new Date(sec * 1000).toLocaleTimeString() + ' (+' + since(sec) + ')'; }
  // Legends: the value under the cursor, and with no cursor the last value, marked so.
  function lastOf(values) {
    for (var k = values.length - 1; k >= 0; k--) if (values[k] != null) return values[k];
    return null;
  }
  function timeLegend(xs) {
    return function (u, v, si, i) { return i == null ? (xs.length ? 'end ' + at(xs[xs.length - 1]) : '') : at(v); };
  }
  function legendOf(values) {
    return function (u, v, si, i) { return i == null ? (lastOf(values) == null ? '' : mib(lastOf(values)) + ' (last)') : mib(values[i]); };
  }
  var timeAxis = { label: 'time (wall clock; the legend adds +h:mm:ss since start)' };
  var sync = { key: 'rssdoctor-run' };

  var m = view.memory;
  if (m.t.length > 1) {
    // Stacked bottom up: file, shmem, live data, the rest of anon. Each series is the
    // running total and fills to zero, drawn top layer first.
    var restOfAnon = m.anon.map(function (a, i) { return a - m.liveHeap[i]; });
    var fileShmem = m.file.map(function (f, i) { return f + m.shmem[i]; });
    var withLive = fileShmem.map(function (v, i) { return v + m.liveHeap[i]; });
    var total = withLive.map(function (v, i) { return v + restOfAnon[i]; });
    var mx = clock(m.t);
    new uPlot({
      width: width(), height: 320, title: 'RSS over time, stacked: file, shmem, live data, the rest of anon',
      // Stacked parts start at zero, or their sizes would mislead.
      scales: { x: { time: true }, y: { range: function (u, lo, hi) { return [0, hi * 1.05]; } } },
      cursor: { sync: sync },
      axes: [timeAxis, bytesAxis],
      series: [
        { label: 'time', value: timeLegend(mx) },
        { label: 'RSS (anon beyond live data on top)', stroke: '#b3261e', fill: 'rgba(179,38,30,0.28)', points: { show: false }, value: legendOf(total) },
        { label: 'live data', stroke: '#2e7d32', fill: 'rgba(46,125,50,0.35)', points: { show: false }, value: legendOf(m.liveHeap) },
        { label: 'shmem', stroke: '#8a5a00', fill: 'rgba(138,90,0,0.35)', points: { show: false }, value: legendOf(m.shmem) },
        { label: 'file', stroke: '#3556a8', fill: 'rgba(53,86,168,0.35)', points: { show: false }, value: legendOf(m.file) },
      ],
    }, [mx, total, withLive, fileShmem, m.file], document.getElementById('plot-memory'));
  }

  // GC and probe markers on a lane of their own under the memory plot (one row per kind),
  // on the same clock and the same cursor: never drawn across the data.
  var kinds = [['forced-gc', 'forced full GC', '#b3261e'], ['gc', 'natural full GC', '#5f6368'], ['probe', 'release probe', '#3556a8']];
  if (view.markers.length > 0 && m.t.length > 1) {
    var mt = [];
    view.markers.forEach(function (mk) { if (mt.indexOf(mk.t) < 0) mt.push(mk.t); });
    mt.sort(function (a, b) { return a - b; });
    var rows = kinds.map(function (kind, r) {
      return mt.map(function (t) {
        return view.markers.some(function (mk) { return mk.t === t && mk.kind === kind[0]; }) ? 3 - r : null;
      });
    });
    var counts = kinds.map(function (kind) { return view.markers.filter(function (mk) { return mk.kind === kind[0]; }).length; });
    var lx = clock(mt);
    new uPlot({
      width: width(), height: 150, title: 'GC and probe markers',
      scales: { x: { time: true, range: function () { return [t0 + m.t[0], t0 + m.t[m.t.length - 1]]; } }, y: { range: [0.5, 3.5] } },
      cursor: { sync: sync },
      axes: [timeAxis, { size: 80, splits: function () { return [1, 2, 3]; }, values: function (u, vals) { return vals.map(function (v) { return ['', 'probe', 'natural', 'forced'][v] || ''; }); } }],
      series: [{ label: 'time', value: timeLegend(lx) }].concat(kinds.map(function (kind, r) {
        return { label: kind[1], stroke: kind[2], paths: function () { return null; }, points: { show: true, size: 9, fill: kind[2] },
          value: function (u, v, si, i) { return i == null ? counts[r] + ' in all' : (v == null ? '' : 'here'); } };
      })),
    }, [lx].concat(rows), document.getElementById('plot-markers'));
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
    var low = through(fit && fit.lowerBytesPerSecond), high = through(fit && fit.upperBytesPerSecond);
    new uPlot({
      width: width(), height: 300, title: 'Live data after each full GC, with the Theil–Sen line and its 95% interval',
      scales: { x: { time: true } },
      cursor: { sync: sync },
      axes: [timeAxis, bytesAxis],
      series: [
        { label: 'time', value: timeLegend(clock(l.t)) },
        { label: 'live', stroke: '#1d2330', paths: function () { return null; }, points: { show: true, size: 7, fill: '#1d2330' }, value: legendOf(l.bytes) },
        { label: 'Theil–Sen', stroke: '#b3261e', width: 2, points: { show: false }, value: legendOf(line) },
        { label: 'interval low', stroke: 'rgba(179,38,30,0.45)', dash: [5, 5], points: { show: false }, value: legendOf(low) },
        { label: 'interval high', stroke: 'rgba(179,38,30,0.45)', dash: [5, 5], points: { show: false }, value: legendOf(high) },
      ],
      bands: fit ? [{ series: [4, 3], fill: 'rgba(179,38,30,0.12)' }] : [],
    }, [clock(l.t), l.bytes, line, low, high], document.getElementById('plot-live'));
  }
  var p = data.projection;
  if (p && p.observed.t.length > 0) {
    // Observed points, then the projection from the last sample: one x axis, nulls where
    // a series has no value.
    var steps = 60;
    var future = [];
    for (var k = 0; k <= steps; k++) future.push(p.fromSeconds + (p.untilSeconds - p.fromSeconds) * k / steps);
    var xs = p.observed.t.concat(future);
    var px = clock(xs);
    var n = p.observed.t.length;
    function ahead(slope) {
      return xs.map(function (t, i) { return i < n ? null : Math.max(0, p.levelBytes + slope * (t - p.fromSeconds)); });
    }
    var seen = xs.map(function (t, i) { return i < n ? p.observed.bytes[i] : null; });
    var limit = xs.map(function () { return p.limitBytes; });
    var bites = xs.map(function () { return p.limitMarginBytes > 0 ? p.limitBytes + p.limitMarginBytes : null; });
    var projected = ahead(p.slopeBytesPerSecond), fast = ahead(p.upperBytesPerSecond), slow = ahead(Math.max(0, p.lowerBytesPerSecond));
    new uPlot({
      width: width(), height: 300, title: (p.series === 'live' ? 'Live heap' : 'RSS') + ' toward ' + p.limitName + ', projected with its 95% interval',
      scales: { x: { time: true }, y: { range: function (u, lo, hi) { return [0, Math.max(hi, p.limitBytes) * 1.05]; } } },
      axes: [timeAxis, bytesAxis],
      series: [
        { label: 'time', value: timeLegend(px) },
        { label: p.series === 'live' ? 'live' : 'RSS', stroke: '#1d2330', paths: p.series === 'live' ? function () { return null; } : undefined, points: { show: p.series === 'live', size: 6, fill: '#1d2330' }, value: legendOf(seen) },
        { label: 'projected', stroke: '#b3261e', width: 2, points: { show: false }, value: legendOf(projected) },
        { label: 'fast end', stroke: 'rgba(179,38,30,0.45)', dash: [5, 5], points: { show: false }, value: legendOf(fast) },
        { label: 'slow end', stroke: 'rgba(179,38,30,0.45)', dash: [5, 5], points: { show: false }, value: legendOf(slow) },
        { label: 'limit', stroke: '#8a5a00', width: 2, dash: [10, 4], points: { show: false }, value: legendOf(limit) },
        { label: 'limit bites by', show: p.limitMarginBytes > 0, stroke: 'rgba(138,90,0,0.5)', dash: [3, 3], points: { show: false }, value: legendOf(bites) },
      ],
      bands: [{ series: [3, 4], fill: 'rgba(179,38,30,0.12)' }, { series: [6, 5], fill: 'rgba(138,90,0,0.12)' }],
    }, [px, seen, projected, fast, slow, limit, bites], document.getElementById('plot-projection'));
  }
  document.body.setAttribute('data-drawn', 'true');
})();
`;
