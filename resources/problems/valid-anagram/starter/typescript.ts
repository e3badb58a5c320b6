declare const require: any;
declare const process: any;

function isAnagram(s: string, t: string): boolean {
  // TODO: return true if t is a rearrangement of the letters of s
  return false;
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

const s = nextLine();
const t = nextLine();

const result = isAnagram(s, t);
process.stdout.write((result ? 'true' : 'false') + '\n');
