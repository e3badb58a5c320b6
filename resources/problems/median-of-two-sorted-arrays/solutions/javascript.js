// Walk both arrays like a merge until the middle is reached.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
let pos = 0;
const m = data[pos++];
const a = data.slice(pos, pos + m);
pos += m;
const n = data[pos++];
const b = data.slice(pos, pos + n);
const total = m + n;
const mid = Math.floor(total / 2); // index of the upper middle element
let i = 0;
let j = 0;
let prev = 0;
let cur = 0;
for (let k = 0; k <= mid; k++) {
  prev = cur;
  if (j >= n || (i < m && a[i] <= b[j])) cur = a[i++];
  else cur = b[j++];
}
const med = total % 2 === 1 ? cur : (prev + cur) / 2;
console.log(med.toFixed(5));
