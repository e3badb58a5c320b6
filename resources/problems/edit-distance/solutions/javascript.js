'use strict';
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const a = (lines[0] || '').trim();
const b = (lines[1] || '').trim();
// Full (|a|+1) x (|b|+1) table: dp[i][j] = distance between a[0..i) and b[0..j).
const dp = [];
for (let i = 0; i <= a.length; i++) {
  dp.push(new Int32Array(b.length + 1));
  dp[i][0] = i;
}
for (let j = 0; j <= b.length; j++) dp[0][j] = j;
for (let i = 1; i <= a.length; i++) {
  for (let j = 1; j <= b.length; j++) {
    const replace = dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
    dp[i][j] = Math.min(replace, dp[i - 1][j] + 1, dp[i][j - 1] + 1);
  }
}
console.log(String(dp[a.length][b.length]));
