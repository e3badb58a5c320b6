// Counting over the small value range -10^4 .. 10^4.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const n = Number(data[0]);
const k = Number(data[1 + n]);
const OFFSET = 10000;
const cnt = new Int32Array(2 * OFFSET + 1);
for (let i = 1; i <= n; i++) cnt[Number(data[i]) + OFFSET]++;
let remaining = k;
let answer = 0;
for (let v = 2 * OFFSET; v >= 0; v--) {
  remaining -= cnt[v];
  if (remaining <= 0) {
    answer = v - OFFSET;
    break;
  }
}
console.log(String(answer));
