'use strict';
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '');

function build(tokens) {
  if (tokens.length === 0 || tokens[0] === 'null') return null;
  const root = { val: Number(tokens[0]), left: null, right: null };
  const queue = [root];
  let head = 0;
  let i = 1;
  while (head < queue.length && i < tokens.length) {
    const node = queue[head++];
    if (tokens[i] !== 'null') queue.push((node.left = { val: Number(tokens[i]), left: null, right: null }));
    i++;
    if (i < tokens.length && tokens[i] !== 'null') queue.push((node.right = { val: Number(tokens[i]), left: null, right: null }));
    i++;
  }
  return root;
}

const root = build(tokens);
const lines = [];
let level = root ? [root] : [];
while (level.length > 0) {
  lines.push(level.map((n) => n.val).join(' ') + '\n');
  const next = [];
  for (const n of level) {
    if (n.left) next.push(n.left);
    if (n.right) next.push(n.right);
  }
  level = next;
}
process.stdout.write(lines.join(''));
