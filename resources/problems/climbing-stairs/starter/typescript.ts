declare const require: any;

function climbStairs(n: number): number {
  // TODO: implement
  return 0;
}

// ---- input / output (no need to change anything below) ----
const data: string[] = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s: string) => s.length > 0);
let pos = 0;

function nextInt(): number {
  return Number(data[pos++]);
}

const n = nextInt();
const result = climbStairs(n);
console.log(String(result));
