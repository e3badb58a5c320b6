'use strict';

/**
 * @param {string[][]} grid
 * @return {number}
 */
function numIslands(grid) {
  // TODO: count the groups of '1' cells connected horizontally or vertically
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

const [rows, cols] = parseInts(nextLine());
const grid = [];
for (let r = 0; r < rows; r++) grid.push(nextLine().slice(0, cols).split(''));

const result = numIslands(grid);
process.stdout.write(String(result) + '\n');
