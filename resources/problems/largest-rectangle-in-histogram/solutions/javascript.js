// For each bar find the nearest strictly lower bar on both sides by
// pointer jumping, then the bar's rectangle spans the gap between them.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
const n = data[0];
const h = data.slice(1, 1 + n);
const left = new Int32Array(n);
const right = new Int32Array(n);
for (let i = 0; i < n; i++) {
  let p = i - 1;
  while (p >= 0 && h[p] >= h[i]) p = left[p];
  left[i] = p;
}
for (let i = n - 1; i >= 0; i--) {
  let p = i + 1;
  while (p < n && h[p] >= h[i]) p = right[p];
  right[i] = p;
}
let best = 0;
for (let i = 0; i < n; i++) best = Math.max(best, h[i] * (right[i] - left[i] - 1));
console.log(String(best));
