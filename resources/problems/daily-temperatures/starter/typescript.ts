declare const require: any;
declare const process: any;

function dailyTemperatures(temperatures: number[]): number[] {
  // TODO: return, for each day, how many days later a strictly warmer day comes (0 if never)
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
const temperatures = parseInts(nextLine());

const result = dailyTemperatures(temperatures);
process.stdout.write(result.join(' ') + '\n');
