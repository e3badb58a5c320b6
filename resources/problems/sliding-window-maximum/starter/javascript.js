/**
 * @param {number[]} nums
 * @param {number} k
 * @return {number[]}
 */
function maxSlidingWindow(nums, k) {
  // TODO: implement
  return [];
}

// ---- input / output (no need to change anything below) ----
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
let pos = 0;

function nextInt() {
  return Number(data[pos++]);
}

function readIntArray() {
  const n = nextInt();
  const arr = [];
  for (let i = 0; i < n; i++) arr.push(nextInt());
  return arr;
}

const nums = readIntArray();
const k = nextInt();
const result = maxSlidingWindow(nums, k);
console.log(result.join(' '));
