'use strict';

/**
 * @param {string} s
 * @param {string} t
 * @return {boolean}
 */
function isAnagram(s, t) {
  // TODO: return true if t is a rearrangement of the letters of s
  return false;
}

const data = require('fs').readFileSync(0, 'utf8').split('\n');
let pos = 0;

function nextLine() {
  const line = pos < data.length ? data[pos] : '';
  pos++;
  return line.replace(/\r$/, '');
}

function parseInts(line) {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/).map(Number);
}

const s = nextLine();
const t = nextLine();

const result = isAnagram(s, t);
process.stdout.write((result ? 'true' : 'false') + '\n');
