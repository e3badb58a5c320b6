const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const n = Number(data[0]);
// XOR of all indices 0..n with all values leaves the missing one.
let x = n;
for (let i = 0; i < n; i++) x ^= i ^ Number(data[i + 1]);
console.log(String(x));
