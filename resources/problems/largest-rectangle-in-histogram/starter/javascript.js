/**
 * @param {number[]} heights
 * @return {number}
 */
function largestRectangleArea(heights) {
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

const heights = readIntArray();
const result = largestRectangleArea(heights);
console.log(String(result));
