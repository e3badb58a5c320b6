declare const require: any;

function insert(intervals: number[][], newInterval: number[]): number[][] {
  // TODO: implement
  return [];
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

const intervals = readPairs();
const newInterval = [nextInt(), nextInt()];
const result = insert(intervals, newInterval);
console.log(result.map((p) => p[0] + ' ' + p[1]).join('\n'));
