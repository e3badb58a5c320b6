const n = Number(require('fs').readFileSync(0, 'utf8').trim().split(/\s+/)[0]);
const ways = [1, 1];
for (let i = 2; i <= n; i++) ways.push(ways[i - 1] + ways[i - 2]);
console.log(String(ways[n]));
