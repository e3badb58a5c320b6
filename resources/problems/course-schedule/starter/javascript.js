/**
 * @param {number} numCourses
 * @param {number[][]} prerequisites
 * @return {boolean}
 */
function canFinish(numCourses, prerequisites) {
  // TODO: implement
  return false;
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

const numCourses = nextInt();
const prerequisites = readPairs();
const result = canFinish(numCourses, prerequisites);
console.log(result ? 'true' : 'false');
