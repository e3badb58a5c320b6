declare const require: any;

function orangesRotting(grid: number[][]): number {
  // TODO: implement
  return 0;
}

// ---- input / output (no need to change anything below) ----
const data: string[] = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s: string) => s.length > 0);
let pos = 0;

function nextInt(): number {
  return Number(data[pos++]);
}

function readGrid(): number[][] {
  const rows = nextInt();
  const cols = nextInt();
  const grid: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < cols; c++) row.push(nextInt());
    grid.push(row);
  }
  return grid;
}

const grid = readGrid();
const result = orangesRotting(grid);
console.log(String(result));
