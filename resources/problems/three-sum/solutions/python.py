import sys
from bisect import bisect_left, bisect_right
from collections import Counter


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    count = Counter(map(int, data[1:1 + n]))
    vals = sorted(count)
    out = []
    # Enumerate value triplets a <= b <= c over the distinct values, checking multiplicities.
    for i, a in enumerate(vals):
        if a > 0:
            break
        if vals[-1] * 2 < -a:
            continue
        # b ranges over [a, -a/2] with c = -a - b >= b and c <= max value
        lo = max(i, bisect_left(vals, -a - vals[-1]))
        hi = bisect_right(vals, (-a) // 2)
        for j in range(lo, hi):
            b = vals[j]
            c = -a - b
            if c < b:
                break
            if c not in count:
                continue
            need = Counter((a, b, c))
            if all(count[v] >= k for v, k in need.items()):
                out.append(f'{a} {b} {c}\n')
    sys.stdout.write(''.join(out))


main()
