'use strict';
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s !== '');

class TreeNode {
  constructor(val) {
    this.val = val;
    this.left = null;
    this.right = null;
  }
}

function build(tokens) {
  if (tokens.length === 0 || tokens[0] === 'null') return null;
  const root = new TreeNode(Number(tokens[0]));
  const queue = [root];
  let head = 0;
  let i = 1;
  while (head < queue.length && i < tokens.length) {
    const node = queue[head++];
    if (tokens[i] !== 'null') queue.push((node.left = new TreeNode(Number(tokens[i]))));
    i++;
    if (i < tokens.length && tokens[i] !== 'null') queue.push((node.right = new TreeNode(Number(tokens[i]))));
    i++;
  }
  return root;
}

// Iterative DFS with an explicit stack, so deep trees do not overflow the call stack.
const root = build(tokens);
let best = 0;
const stack = root ? [[root, 1]] : [];
while (stack.length > 0) {
  const [node, d] = stack.pop();
  if (d > best) best = d;
  if (node.left) stack.push([node.left, d + 1]);
  if (node.right) stack.push([node.right, d + 1]);
}
console.log(String(best));
