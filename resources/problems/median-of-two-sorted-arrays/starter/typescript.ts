declare const require: any;

function findMedianSortedArrays(nums1: number[], nums2: number[]): number {
  // TODO: implement
  return 0;
}

// ---- input / output (no need to change anything below) ----
const data: string[] = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s: string) => s.length > 0);
let pos = 0;

function nextInt(): number {
  return Number(data[pos++]);
}

function readIntArray(): number[] {
  const n = nextInt();
  const arr: number[] = [];
  for (let i = 0; i < n; i++) arr.push(nextInt());
  return arr;
}

const nums1 = readIntArray();
const nums2 = readIntArray();
const result = findMedianSortedArrays(nums1, nums2);
console.log(result.toFixed(5));
