declare const require: any;
declare const process: any;

function maxProfit(prices: number[]): number {
  // TODO: return the best profit from one buy followed by one later sell (0 if none)
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
const prices = parseInts(nextLine());

const result = maxProfit(prices);
process.stdout.write(String(result) + '\n');
