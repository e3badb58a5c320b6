'use strict';

class TreeNode {
  constructor(val = 0, left = null, right = null) {
    this.val = val;
    this.left = left;
    this.right = right;
  }
}

/**
 * @param {TreeNode | null} root
 * @return {number[][]}
 */
function levelOrder(root) {
  // TODO: return the node values level by level, each level from left to right
  return [];
}

const data = require('fs').readFileSync(0, 'utf8').split('\n');
let pos = 0;

function nextLine() {
  const line = pos < data.length ? data[pos] : '';
  pos++;
  return line.replace(/\r$/, '');
}

function parseInts(line) {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/).map(Number);
}

function buildTree(line) {
  const tokens = line.trim() === '' ? [] : line.trim().split(/\s+/);
  if (tokens.length === 0 || tokens[0] === 'null') return null;
  const root = new TreeNode(Number(tokens[0]));
  const queue = [root];
  let head = 0;
  let i = 1;
  while (head < queue.length && i < tokens.length) {
    const node = queue[head++];
    if (tokens[i] !== 'null') {
      const child = new TreeNode(Number(tokens[i]));
      node.left = child;
      queue.push(child);
    }
    i++;
    if (i < tokens.length && tokens[i] !== 'null') {
      const child = new TreeNode(Number(tokens[i]));
      node.right = child;
      queue.push(child);
    }
    i++;
  }
  return root;
}

const root = buildTree(nextLine());

const result = levelOrder(root);
process.stdout.write(result.map((row) => row.join(' ') + '\n').join(''));
