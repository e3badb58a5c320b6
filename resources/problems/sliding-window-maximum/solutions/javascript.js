// Split the array into blocks of length k and precompute prefix maxima
// (within a block, from its start) and suffix maxima (to its end). A window
// [i, i + k - 1] spans at most two blocks: max = max(suffix[i], prefix[i + k - 1]).
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0).map(Number);
const n = data[0];
const a = data.slice(1, 1 + n);
const k = data[1 + n];
const pre = new Array(n);
const suf = new Array(n);
for (let i = 0; i < n; i++) pre[i] = i % k === 0 ? a[i] : Math.max(pre[i - 1], a[i]);
for (let i = n - 1; i >= 0; i--) suf[i] = i === n - 1 || (i + 1) % k === 0 ? a[i] : Math.max(suf[i + 1], a[i]);
const out = [];
for (let i = 0; i + k <= n; i++) out.push(Math.max(suf[i], pre[i + k - 1]));
console.log(out.join(' '));
