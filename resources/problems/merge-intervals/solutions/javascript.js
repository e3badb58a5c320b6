'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '').map(Number);
const n = data[0];
const ivs = [];
for (let i = 0; i < n; i++) ivs.push([data[1 + 2 * i], data[2 + 2 * i]]);
ivs.sort((a, b) => a[0] - b[0]);
const merged = [];
for (const [s, e] of ivs) {
  const last = merged[merged.length - 1];
  if (last && s <= last[1]) last[1] = Math.max(last[1], e);
  else merged.push([s, e]);
}
process.stdout.write(merged.map(([s, e]) => `${s} ${e}\n`).join(''));
