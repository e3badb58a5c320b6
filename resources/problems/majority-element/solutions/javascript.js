const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const n = Number(data[0]);
const counts = new Map();
let answer = null;
for (let i = 1; i <= n; i++) {
  const v = Number(data[i]);
  const c = (counts.get(v) || 0) + 1;
  counts.set(v, c);
  if (c * 2 > n) {
    answer = v;
    break;
  }
}
console.log(String(answer));
