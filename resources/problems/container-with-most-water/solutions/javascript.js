// Process lines from tallest to shortest. When line i is the shorter side,
// the best partner is the farthest line that is at least as tall, i.e. the
// leftmost or rightmost index seen so far.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const n = Number(data[0]);
const h = data.slice(1, 1 + n).map(Number);
const order = h.map((_, i) => i).sort((a, b) => h[b] - h[a]);
let lo = Infinity;
let hi = -Infinity;
let best = 0;
for (const i of order) {
  lo = Math.min(lo, i);
  hi = Math.max(hi, i);
  best = Math.max(best, h[i] * Math.max(i - lo, hi - i));
}
console.log(String(best));
