'use strict';

/**
 * @param {number[]} height
 * @return {number}
 */
function trap(height) {
  // TODO: return the total units of water trapped between the bars
  return 0;
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

nextLine(); // n
const height = parseInts(nextLine());

const result = trap(height);
process.stdout.write(String(result) + '\n');
