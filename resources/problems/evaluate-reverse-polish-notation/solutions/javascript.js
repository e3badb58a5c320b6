const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const n = Number(data[0]);
const st = new Array(n);
let top = 0;
for (let i = 1; i <= n; i++) {
  const t = data[i];
  if (t === '+' || t === '-' || t === '*' || t === '/') {
    const b = st[--top];
    const a = st[--top];
    let r;
    if (t === '+') r = a + b;
    else if (t === '-') r = a - b;
    else if (t === '*') r = a * b;
    else r = Math.trunc(a / b);
    st[top++] = r;
  } else {
    st[top++] = parseInt(t, 10);
  }
}
console.log(String(st[top - 1]));
