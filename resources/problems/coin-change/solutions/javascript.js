'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '').map(Number);
const n = data[0];
const coins = data.slice(1, 1 + n);
const amount = data[1 + n];
// Breadth-first search over amounts: the first time we reach `amount` uses the fewest coins.
const dist = new Int32Array(amount + 1).fill(-1);
dist[0] = 0;
const queue = [0];
for (let head = 0; head < queue.length && dist[amount] === -1; head++) {
  const v = queue[head];
  for (const c of coins) {
    const w = v + c;
    if (w <= amount && dist[w] === -1) {
      dist[w] = dist[v] + 1;
      queue.push(w);
    }
  }
}
console.log(String(dist[amount]));
