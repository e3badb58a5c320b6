const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((s) => s.length > 0);
const n = Number(data[0]);
const nums = data.slice(1, 1 + n).map(Number);
// best[i] = best total using houses 0..i-1
const best = new Array(n + 1).fill(0);
best[1] = nums[0];
for (let i = 2; i <= n; i++) best[i] = Math.max(best[i - 1], best[i - 2] + nums[i - 1]);
console.log(String(best[n]));
