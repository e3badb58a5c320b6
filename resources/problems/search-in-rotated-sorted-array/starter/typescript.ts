declare const require: any;
declare const process: any;

function search(nums: number[], target: number): number {
  // TODO: return the index of target in the rotated array nums, or -1 (use O(log n) time)
  return 0;
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
const target = Number(nextLine().trim());

const result = search(nums, target);
process.stdout.write(String(result) + '\n');
