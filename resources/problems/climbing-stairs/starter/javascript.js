/**
 * @param {number} n
 * @return {number}
 */
function climbStairs(n) {
  // TODO: implement
  return 0;
}

// ---- input / output (no need to change anything below) ----
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
let pos = 0;

function nextInt() {
  return Number(data[pos++]);
}

const n = nextInt();
const result = climbStairs(n);
console.log(String(result));
