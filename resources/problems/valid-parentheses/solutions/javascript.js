'use strict';
const s = require('fs').readFileSync(0, 'utf8').split('\n')[0].replace(/\r$/, '');
const match = { ')': '(', ']': '[', '}': '{' };
const stack = [];
let ok = true;
for (const ch of s) {
  if (ch in match) {
    if (stack.length === 0 || stack[stack.length - 1] !== match[ch]) {
      ok = false;
      break;
    }
    stack.pop();
  } else {
    stack.push(ch);
  }
}
console.log(ok && stack.length === 0 ? 'true' : 'false');
