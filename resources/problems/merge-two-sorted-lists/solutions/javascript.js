const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
let pos = 0;
const n = Number(data[pos++]);
const a = data.slice(pos, pos + n).map(Number);
pos += n;
const m = Number(data[pos++]);
const b = data.slice(pos, pos + m).map(Number);
const out = [];
let i = 0;
let j = 0;
while (i < n || j < m) {
  if (j >= m || (i < n && a[i] <= b[j])) out.push(a[i++]);
  else out.push(b[j++]);
}
console.log(out.join(' '));
