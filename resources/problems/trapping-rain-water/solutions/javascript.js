'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '').map(Number);
const n = data[0];
const h = data.slice(1, 1 + n);
// Prefix and suffix maxima; the total stays far below 2^53, so Number is exact.
const right = new Array(n);
let m = 0;
for (let i = n - 1; i >= 0; i--) {
  m = Math.max(m, h[i]);
  right[i] = m;
}
let left = 0;
let water = 0;
for (let i = 0; i < n; i++) {
  left = Math.max(left, h[i]);
  water += Math.min(left, right[i]) - h[i];
}
console.log(String(water));
