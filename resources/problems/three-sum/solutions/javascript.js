'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '').map(Number);
const n = data[0];
const nums = Int32Array.from(data.slice(1, 1 + n)).sort();
const out = [];
for (let i = 0; i < n - 2; i++) {
  if (nums[i] > 0) break;
  if (i > 0 && nums[i] === nums[i - 1]) continue;
  let lo = i + 1;
  let hi = n - 1;
  while (lo < hi) {
    const sum = nums[i] + nums[lo] + nums[hi];
    if (sum < 0) lo++;
    else if (sum > 0) hi--;
    else {
      out.push(`${nums[i]} ${nums[lo]} ${nums[hi]}\n`);
      const a = nums[lo];
      const b = nums[hi];
      while (lo < hi && nums[lo] === a) lo++;
      while (lo < hi && nums[hi] === b) hi--;
    }
  }
}
process.stdout.write(out.join(''));
