'use strict';
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const s = (lines[0] || '').trim();
const t = (lines[1] || '').trim();
let ok = s.length === t.length;
if (ok) {
  const count = new Array(26).fill(0);
  for (let i = 0; i < s.length; i++) {
    count[s.charCodeAt(i) - 97]++;
    count[t.charCodeAt(i) - 97]--;
  }
  ok = count.every((c) => c === 0);
}
console.log(ok ? 'true' : 'false');
