declare const require: any;
declare const process: any;

function merge(intervals: number[][]): number[][] {
  // TODO: merge all overlapping intervals and return them sorted by start
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

const n = Number(nextLine().trim());
const intervals: number[][] = [];
for (let i = 0; i < n; i++) intervals.push(parseInts(nextLine()));

const result = merge(intervals);
process.stdout.write(result.map((row) => row.join(' ') + '\n').join(''));
