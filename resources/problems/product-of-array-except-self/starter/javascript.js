'use strict';

/**
 * @param {number[]} nums
 * @return {number[]}
 */
function productExceptSelf(nums) {
  // TODO: return answer where answer[i] is the product of all nums[j] with j != i (no division)
  return [];
}

const data = require('fs').readFileSync(0, 'utf8').split('\n');
let pos = 0;

function nextLine() {
  const line = pos < data.length ? data[pos] : '';
  pos++;
  return line.replace(/\r$/, '');
}

function parseInts(line) {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/).map(Number);
}

nextLine(); // n
const nums = parseInts(nextLine());

const result = productExceptSelf(nums);
process.stdout.write(result.join(' ') + '\n');
