'use strict';

/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
function twoSum(nums, target) {
  // TODO: return [i, j] with i < j and nums[i] + nums[j] == target
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
const target = Number(nextLine().trim());

const result = twoSum(nums, target);
process.stdout.write(result.join(' ') + '\n');
