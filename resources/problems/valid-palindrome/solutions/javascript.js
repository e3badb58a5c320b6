const input = require('fs').readFileSync(0, 'utf8');
const s = input.split('\n')[0].replace(/\r$/, '');

function isAlnum(c) {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function lower(c) {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

let i = 0;
let j = s.length - 1;
let ok = true;
while (i < j) {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(j);
  if (!isAlnum(a)) {
    i++;
  } else if (!isAlnum(b)) {
    j--;
  } else if (lower(a) !== lower(b)) {
    ok = false;
    break;
  } else {
    i++;
    j--;
  }
}
console.log(ok ? 'true' : 'false');
