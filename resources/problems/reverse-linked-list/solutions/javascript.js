'use strict';
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '').map(Number);
const n = data[0];
let head = null;
for (let i = n; i >= 1; i--) head = { val: data[i], next: head };
let prev = null;
while (head !== null) {
  const next = head.next;
  head.next = prev;
  prev = head;
  head = next;
}
const out = [];
for (let node = prev; node !== null; node = node.next) out.push(node.val);
console.log(out.join(' '));
