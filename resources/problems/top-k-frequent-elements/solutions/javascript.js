// Count, then bucket the values by frequency (highest bucket first).
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const n = Number(data[0]);
const k = Number(data[1 + n]);
const counts = new Map();
for (let i = 1; i <= n; i++) {
  const v = Number(data[i]);
  counts.set(v, (counts.get(v) || 0) + 1);
}
const buckets = Array.from({ length: n + 1 }, () => []);
for (const [v, c] of counts) buckets[c].push(v);
const out = [];
for (let c = n; c >= 1 && out.length < k; c--) {
  const b = buckets[c].sort((x, y) => x - y);
  for (const v of b) {
    if (out.length === k) break;
    out.push(v);
  }
}
console.log(out.join(' '));
