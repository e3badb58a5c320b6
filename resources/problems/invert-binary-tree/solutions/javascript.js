// Works directly on the level-order token list: a node's children are
// located by replaying the level-order construction, then the tree is
// re-serialised with left/right swapped.
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const L = [];
const R = [];
if (tokens.length > 0 && tokens[0] !== 'null') {
  const queue = [0];
  let head = 0;
  let i = 1;
  L.length = R.length = tokens.length;
  while (head < queue.length && i < tokens.length) {
    const p = queue[head++];
    if (i < tokens.length && tokens[i] !== 'null') {
      L[p] = i;
      queue.push(i);
    }
    i++;
    if (i < tokens.length && tokens[i] !== 'null') {
      R[p] = i;
      queue.push(i);
    }
    i++;
  }
}
const out = [];
if (tokens.length > 0 && tokens[0] !== 'null') {
  const q = [0];
  for (let h = 0; h < q.length; h++) {
    const idx = q[h];
    if (idx === -1) {
      out.push('null');
    } else {
      out.push(tokens[idx]);
      q.push(R[idx] === undefined ? -1 : R[idx]); // mirrored: right child first
      q.push(L[idx] === undefined ? -1 : L[idx]);
    }
  }
}
while (out.length > 0 && out[out.length - 1] === 'null') out.pop();
console.log(out.join(' '));
