'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '');
const n = Number(data[0]);
const nums = data.slice(1, 1 + n).map(Number);
const target = Number(data[1 + n]);
const seen = new Map();
for (let j = 0; j < n; j++) {
  const i = seen.get(target - nums[j]);
  if (i !== undefined) {
    console.log(`${i} ${j}`);
    break;
  }
  if (!seen.has(nums[j])) seen.set(nums[j], j);
}
