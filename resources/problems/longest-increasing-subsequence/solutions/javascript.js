// Classic O(n^2) DP: len[i] = longest increasing subsequence ending at i.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const n = Number(data[0]);
const a = data.slice(1, 1 + n).map(Number);
const len = new Array(n).fill(1);
let best = 0;
for (let i = 0; i < n; i++) {
  for (let j = 0; j < i; j++) {
    if (a[j] < a[i] && len[j] + 1 > len[i]) len[i] = len[j] + 1;
  }
  best = Math.max(best, len[i]);
}
console.log(String(best));
