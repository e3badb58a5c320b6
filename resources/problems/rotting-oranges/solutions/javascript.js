// Level-by-level BFS over flat typed arrays; count the levels that rot something.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
const rows = data[0];
const cols = data[1];
const total = rows * cols;
const g = new Uint8Array(total);
let fresh = 0;
let frontier = [];
for (let i = 0; i < total; i++) {
  g[i] = data[2 + i];
  if (g[i] === 1) fresh++;
  else if (g[i] === 2) frontier.push(i);
}
let minutes = 0;
while (frontier.length > 0 && fresh > 0) {
  const next = [];
  for (const cell of frontier) {
    const r = Math.floor(cell / cols);
    const c = cell % cols;
    const nb = [];
    if (r > 0) nb.push(cell - cols);
    if (r < rows - 1) nb.push(cell + cols);
    if (c > 0) nb.push(cell - 1);
    if (c < cols - 1) nb.push(cell + 1);
    for (const x of nb) {
      if (g[x] === 1) {
        g[x] = 2;
        fresh--;
        next.push(x);
      }
    }
  }
  if (next.length > 0) minutes++;
  frontier = next;
}
console.log(String(fresh > 0 ? -1 : minutes));
