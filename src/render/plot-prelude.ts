// The lines every page script opens with, inside its own function: its data, and the
// byte formatting and width the plots share.

export const PLOT_PRELUDE = String.raw`
  var data = JSON.parse(document.getElementById('rssdoctor-data').textContent);
  var MiB = 1048576;
  function mib(bytes) { return bytes == null ? '' : (bytes / MiB).toFixed(1) + ' MiB'; }
  function width() { return Math.max(480, Math.min(1100, document.body.clientWidth)); }
  var bytesAxis = { size: 80, values: function (u, vals) { return vals.map(function (v) { return (v / MiB).toFixed(v < 10 * MiB ? 1 : 0) + ' MiB'; }); } };
`;
