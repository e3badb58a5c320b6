'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '').map(Number);
const n = data[0];
const temps = data.slice(1, 1 + n);
// Scan from the right, jumping along "next warmer" links.
const answer = new Array(n).fill(0);
for (let i = n - 2; i >= 0; i--) {
  let j = i + 1;
  while (j < n && temps[j] <= temps[i]) {
    if (answer[j] === 0) {
      j = n;
      break;
    }
    j += answer[j];
  }
  answer[i] = j < n ? j - i : 0;
}
console.log(answer.join(' '));
