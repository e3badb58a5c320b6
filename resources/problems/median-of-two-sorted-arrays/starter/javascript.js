/**
 * @param {number[]} nums1
 * @param {number[]} nums2
 * @return {number}
 */
function findMedianSortedArrays(nums1, nums2) {
  // TODO: implement
  return 0;
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

const nums1 = readIntArray();
const nums2 = readIntArray();
const result = findMedianSortedArrays(nums1, nums2);
console.log(result.toFixed(5));
