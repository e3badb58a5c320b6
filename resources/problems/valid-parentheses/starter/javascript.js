'use strict';

/**
 * @param {string} s
 * @return {boolean}
 */
function isValid(s) {
  // TODO: return true if every bracket in s is closed correctly
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

const result = isValid(s);
process.stdout.write((result ? 'true' : 'false') + '\n');
