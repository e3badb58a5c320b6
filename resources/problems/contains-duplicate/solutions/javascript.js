const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const n = Number(data[0]);
const seen = new Set();
let dup = false;
for (let i = 1; i <= n; i++) {
  const v = Number(data[i]);
  if (seen.has(v)) {
    dup = true;
    break;
  }
  seen.add(v);
}
console.log(dup ? 'true' : 'false');
