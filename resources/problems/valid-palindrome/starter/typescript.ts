declare const require: any;

function isPalindrome(s: string): boolean {
  // TODO: implement
  return false;
}

// ---- input / output (no need to change anything below) ----
const input: string = require('fs').readFileSync(0, 'utf8');
const s: string = input.split('\n')[0].replace(/\r$/, '');
console.log(isPalindrome(s) ? 'true' : 'false');
