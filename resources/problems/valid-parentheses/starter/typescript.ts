declare const require: any;
declare const process: any;

function isValid(s: string): boolean {
  // TODO: return true if every bracket in s is closed correctly
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

const result = isValid(s);
process.stdout.write((result ? 'true' : 'false') + '\n');
