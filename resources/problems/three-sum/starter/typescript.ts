declare const require: any;
declare const process: any;

function threeSum(nums: number[]): number[][] {
  // TODO: return every distinct triplet [a, b, c] (a <= b <= c) of elements at different positions with a + b + c == 0, in lexicographic order
  return [];
}

const data: string[] = require('fs').readFileSync(0, 'utf8').split('\n');
let pos = 0;

function nextLine(): string {
  const line = pos < data.length ? data[pos] : '';
  pos++;
  return line.replace(/\r$/, '');
}

function parseInts(line: string): number[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/).map(Number);
}

nextLine(); // n
const nums = parseInts(nextLine());

const result = threeSum(nums);
process.stdout.write(result.map((row) => row.join(' ') + '\n').join(''));
