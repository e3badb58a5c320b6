/**
 * @param {string} s
 * @return {boolean}
 */
function isPalindrome(s) {
  // TODO: implement
  return false;
}

// ---- input / output (no need to change anything below) ----
const input = require('fs').readFileSync(0, 'utf8');
const s = input.split('\n')[0].replace(/\r$/, '');
console.log(isPalindrome(s) ? 'true' : 'false');
