'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '');
const n = Number(data[0]);
const groups = new Map();
for (let i = 1; i <= n; i++) {
  const w = data[i];
  // Letter counts as the key (26 small integers), so no per-word sort is needed.
  const count = new Array(26).fill(0);
  for (let k = 0; k < w.length; k++) count[w.charCodeAt(k) - 97]++;
  const key = count.join(',');
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(w);
}
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const rows = [...groups.values()].map((g) => g.sort(cmp));
rows.sort((a, b) => cmp(a[0], b[0]));
process.stdout.write(rows.map((g) => g.join(' ') + '\n').join(''));
