import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    vals = list(map(int, data[1:1 + 2 * n + 2]))
    intervals = [(vals[2 * i], vals[2 * i + 1]) for i in range(n)]
    ns, ne = vals[2 * n], vals[2 * n + 1]
    out = []
    i = 0
    while i < n and intervals[i][1] < ns:  # entirely to the left
        out.append(intervals[i])
        i += 1
    while i < n and intervals[i][0] <= ne:  # overlapping: absorb
        ns = min(ns, intervals[i][0])
        ne = max(ne, intervals[i][1])
        i += 1
    out.append((ns, ne))
    out.extend(intervals[i:])
    sys.stdout.write("".join(f"{a} {b}\n" for a, b in out))


main()
