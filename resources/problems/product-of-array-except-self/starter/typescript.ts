declare const require: any;
declare const process: any;

function productExceptSelf(nums: number[]): number[] {
  // TODO: return answer where answer[i] is the product of all nums[j] with j != i (no division)
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

const result = productExceptSelf(nums);
process.stdout.write(result.join(' ') + '\n');
