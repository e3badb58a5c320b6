// Check every node against the (low, high) bounds inherited from its ancestors.
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);

class Node {
  constructor(val) {
    this.val = val;
    this.left = null;
    this.right = null;
  }
}

function build(tok) {
  if (tok.length === 0 || tok[0] === 'null') return null;
  const root = new Node(Number(tok[0]));
  const queue = [root];
  let head = 0;
  let i = 1;
  while (head < queue.length && i < tok.length) {
    const node = queue[head++];
    if (i < tok.length && tok[i] !== 'null') {
      node.left = new Node(Number(tok[i]));
      queue.push(node.left);
    }
    i++;
    if (i < tok.length && tok[i] !== 'null') {
      node.right = new Node(Number(tok[i]));
      queue.push(node.right);
    }
    i++;
  }
  return root;
}

const root = build(tokens);
let ok = true;
const stack = root ? [[root, -Infinity, Infinity]] : [];
while (stack.length > 0) {
  const [node, lo, hi] = stack.pop();
  if (node.val <= lo || node.val >= hi) {
    ok = false;
    break;
  }
  if (node.left) stack.push([node.left, lo, node.val]);
  if (node.right) stack.push([node.right, node.val, hi]);
}
console.log(ok ? 'true' : 'false');
