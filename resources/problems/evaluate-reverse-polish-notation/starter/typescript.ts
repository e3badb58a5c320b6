declare const require: any;

function evalRPN(tokens: string[]): number {
  // TODO: implement
  return 0;
}

// ---- input / output (no need to change anything below) ----
const data: string[] = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s: string) => s.length > 0);
let pos = 0;

function nextInt(): number {
  return Number(data[pos++]);
}

function readStringArray(): string[] {
  const n = nextInt();
  const arr: string[] = [];
  for (let i = 0; i < n; i++) arr.push(data[pos++]);
  return arr;
}

const tokens = readStringArray();
const result = evalRPN(tokens);
console.log(String(result));
