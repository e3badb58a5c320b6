/**
 * @param {string[]} tokens
 * @return {number}
 */
function evalRPN(tokens) {
  // TODO: implement
  return 0;
}

// ---- input / output (no need to change anything below) ----
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
let pos = 0;

function nextInt() {
  return Number(data[pos++]);
}

function readStringArray() {
  const n = nextInt();
  const arr = [];
  for (let i = 0; i < n; i++) arr.push(data[pos++]);
  return arr;
}

const tokens = readStringArray();
const result = evalRPN(tokens);
console.log(String(result));
