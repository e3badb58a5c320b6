// Iterative DFS with three colours; a grey node reached again means a cycle.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
const nc = data[0];
const m = data[1];
const adj = Array.from({ length: nc }, () => []);
for (let i = 0; i < m; i++) adj[data[2 + 2 * i]].push(data[3 + 2 * i]);
const color = new Uint8Array(nc); // 0 white, 1 grey, 2 black
let cycle = false;
for (let s = 0; s < nc && !cycle; s++) {
  if (color[s] !== 0) continue;
  const stack = [[s, 0]];
  color[s] = 1;
  while (stack.length > 0 && !cycle) {
    const top = stack[stack.length - 1];
    const [u, idx] = top;
    if (idx < adj[u].length) {
      top[1]++;
      const v = adj[u][idx];
      if (color[v] === 1) cycle = true;
      else if (color[v] === 0) {
        color[v] = 1;
        stack.push([v, 0]);
      }
    } else {
      color[u] = 2;
      stack.pop();
    }
  }
}
console.log(cycle ? 'false' : 'true');
