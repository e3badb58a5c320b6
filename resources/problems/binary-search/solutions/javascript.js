'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '').map(Number);
const n = data[0];
const nums = data.slice(1, 1 + n);
const target = data[1 + n];
let lo = 0;
let hi = n - 1;
let ans = -1;
while (lo <= hi) {
  const mid = (lo + hi) >> 1;
  if (nums[mid] === target) {
    ans = mid;
    break;
  }
  if (nums[mid] < target) lo = mid + 1;
  else hi = mid - 1;
}
console.log(String(ans));
