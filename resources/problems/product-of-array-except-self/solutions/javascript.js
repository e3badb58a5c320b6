'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '').map(Number);
const n = data[0];
const nums = data.slice(1, 1 + n);
const answer = new Array(n);
let prefix = 1;
for (let i = 0; i < n; i++) {
  answer[i] = prefix;
  prefix *= nums[i];
}
let suffix = 1;
for (let i = n - 1; i >= 0; i--) {
  answer[i] = answer[i] * suffix + 0; // "+ 0" turns -0 into 0
  suffix *= nums[i];
}
console.log(answer.join(' '));
