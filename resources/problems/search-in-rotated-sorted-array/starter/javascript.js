'use strict';

/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number}
 */
function search(nums, target) {
  // TODO: return the index of target in the rotated array nums, or -1 (use O(log n) time)
  return 0;
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

const result = search(nums, target);
process.stdout.write(String(result) + '\n');
