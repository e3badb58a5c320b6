'use strict';

/**
 * @param {number[]} coins
 * @param {number} amount
 * @return {number}
 */
function coinChange(coins, amount) {
  // TODO: return the fewest coins summing to amount, or -1 if impossible
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
const coins = parseInts(nextLine());
const amount = Number(nextLine().trim());

const result = coinChange(coins, amount);
process.stdout.write(String(result) + '\n');
