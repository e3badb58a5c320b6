'use strict';

/**
 * @param {number[]} temperatures
 * @return {number[]}
 */
function dailyTemperatures(temperatures) {
  // TODO: return, for each day, how many days later a strictly warmer day comes (0 if never)
  return [];
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
const temperatures = parseInts(nextLine());

const result = dailyTemperatures(temperatures);
process.stdout.write(result.join(' ') + '\n');
