/**
 * @param {number[][]} intervals
 * @param {number[]} newInterval
 * @return {number[][]}
 */
function insert(intervals, newInterval) {
  // TODO: implement
  return [];
}

// ---- input / output (no need to change anything below) ----
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
let pos = 0;

function nextInt() {
  return Number(data[pos++]);
}

function readPairs() {
  const m = nextInt();
  const arr = [];
  for (let i = 0; i < m; i++) arr.push([nextInt(), nextInt()]);
  return arr;
}

const intervals = readPairs();
const newInterval = [nextInt(), nextInt()];
const result = insert(intervals, newInterval);
console.log(result.map((p) => p[0] + ' ' + p[1]).join('\n'));
