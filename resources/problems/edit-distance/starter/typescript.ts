declare const require: any;
declare const process: any;

function minDistance(word1: string, word2: string): number {
  // TODO: return the minimum number of insertions, deletions and replacements turning word1 into word2
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

const word1 = nextLine();
const word2 = nextLine();

const result = minDistance(word1, word2);
process.stdout.write(String(result) + '\n');
