'use strict';
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '');
const rows = Number(tokens[0]);
const cols = Number(tokens[1]);
// Union-find over land cells.
const parent = new Int32Array(rows * cols).fill(-1);
function find(x) {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}
let islands = 0;
for (let r = 0; r < rows; r++) {
  const line = tokens[2 + r];
  for (let c = 0; c < cols; c++) {
    if (line[c] !== '1') continue;
    const id = r * cols + c;
    parent[id] = id;
    islands++;
    for (const nb of [c > 0 ? id - 1 : -1, r > 0 ? id - cols : -1]) {
      if (nb >= 0 && parent[nb] !== -1) {
        const a = find(id);
        const b = find(nb);
        if (a !== b) {
          parent[a] = b;
          islands--;
        }
      }
    }
  }
}
console.log(String(islands));
