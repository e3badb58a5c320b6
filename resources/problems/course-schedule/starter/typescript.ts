declare const require: any;

function canFinish(numCourses: number, prerequisites: number[][]): boolean {
  // TODO: implement
  return false;
}

// ---- input / output (no need to change anything below) ----
const data: string[] = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s: string) => s.length > 0);
let pos = 0;

function nextInt(): number {
  return Number(data[pos++]);
}

function readPairs(): number[][] {
  const m = nextInt();
  const arr: number[][] = [];
  for (let i = 0; i < m; i++) arr.push([nextInt(), nextInt()]);
  return arr;
}

const numCourses = nextInt();
const prerequisites = readPairs();
const result = canFinish(numCourses, prerequisites);
console.log(result ? 'true' : 'false');
