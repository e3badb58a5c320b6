import sys
from collections import Counter


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    nums = map(int, data[1:1 + n])
    k = int(data[1 + n])
    counts = Counter(nums)
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    print(" ".join(str(v) for v, _ in order[:k]))


main()
