import sys
from bisect import bisect_left


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    tails = []  # tails[l] = smallest tail of an increasing subsequence of length l + 1
    for i in range(1, n + 1):
        v = int(data[i])
        p = bisect_left(tails, v)
        if p == len(tails):
            tails.append(v)
        else:
            tails[p] = v
    print(len(tails))


main()
