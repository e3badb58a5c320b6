declare const require: any;
declare const process: any;

function groupAnagrams(strs: string[]): string[][] {
  // TODO: group the words that are anagrams of each other (any order; main() does not sort for you)
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
const wordsLine = nextLine().trim();
const strs = wordsLine === '' ? [] : wordsLine.split(/\s+/);

const result = groupAnagrams(strs);
process.stdout.write(result.map((row) => row.join(' ') + '\n').join(''));
