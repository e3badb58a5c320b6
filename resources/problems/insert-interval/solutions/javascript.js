// Append the new interval, sort by start and merge every overlapping/touching run.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
const n = data[0];
const all = [];
for (let i = 0; i <= n; i++) all.push([data[1 + 2 * i], data[2 + 2 * i]]);
all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const out = [];
for (const [s, e] of all) {
  const last = out[out.length - 1];
  if (last && s <= last[1]) last[1] = Math.max(last[1], e);
  else out.push([s, e]);
}
console.log(out.map((p) => p[0] + ' ' + p[1]).join('\n'));
