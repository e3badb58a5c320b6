const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const sz = Number(data[0]);
const values = data.slice(1, 1 + sz);
const n = Number(data[1 + sz]);
// The node n-th from the end sits at index sz - n.
values.splice(sz - n, 1);
console.log(values.map(Number).join(' '));
