declare const require: any;

function maxSlidingWindow(nums: number[], k: number): number[] {
  // TODO: implement
  return [];
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

const nums = readIntArray();
const k = nextInt();
const result = maxSlidingWindow(nums, k);
console.log(result.join(' '));
