/**
 * @param {number[][]} grid
 * @return {number}
 */
function orangesRotting(grid) {
  // TODO: implement
  return 0;
}

// ---- input / output (no need to change anything below) ----
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
let pos = 0;

function nextInt() {
  return Number(data[pos++]);
}

function readGrid() {
  const rows = nextInt();
  const cols = nextInt();
  const grid = [];
  for (let r = 0; r < rows; r++) {
    const row = [];
    for (let c = 0; c < cols; c++) row.push(nextInt());
    grid.push(row);
  }
  return grid;
}

const grid = readGrid();
const result = orangesRotting(grid);
console.log(String(result));
