declare const require: any;
declare const process: any;

function twoSum(nums: number[], target: number): number[] {
  // TODO: return [i, j] with i < j and nums[i] + nums[j] == target
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
const target = Number(nextLine().trim());

const result = twoSum(nums, target);
process.stdout.write(result.join(' ') + '\n');
