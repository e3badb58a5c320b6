'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '').map(Number);
const n = data[0];
const nums = data.slice(1, 1 + n);
const target = data[1 + n];

// Find the rotation point (index of the minimum), then binary search the right part.
let lo = 0;
let hi = n - 1;
while (lo < hi) {
  const mid = (lo + hi) >> 1;
  if (nums[mid] > nums[hi]) lo = mid + 1;
  else hi = mid;
}
const pivot = lo;
function find(from, to) {
  while (from <= to) {
    const mid = (from + to) >> 1;
    if (nums[mid] === target) return mid;
    if (nums[mid] < target) from = mid + 1;
    else to = mid - 1;
  }
  return -1;
}
let ans = find(pivot, n - 1);
if (ans === -1 && pivot > 0) ans = find(0, pivot - 1);
console.log(String(ans));
