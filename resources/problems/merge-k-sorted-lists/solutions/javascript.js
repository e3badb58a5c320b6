'use strict';
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const k = Number(lines[0]);
const parse = (line) => (line === undefined || line.trim() === '' ? [] : line.trim().split(/\s+/).map(Number));
let lists = [];
for (let i = 0; i < k; i++) lists.push(parse(lines[2 + 2 * i]));
// Divide and conquer: merge lists pairwise until one remains.
function merge2(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i] <= b[j] ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
while (lists.length > 1) {
  const next = [];
  for (let i = 0; i < lists.length; i += 2) next.push(i + 1 < lists.length ? merge2(lists[i], lists[i + 1]) : lists[i]);
  lists = next;
}
console.log((lists[0] || []).join(' '));
