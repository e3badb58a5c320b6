import sys
from collections import deque


def main():
    data = sys.stdin.read().split()
    nc, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(nc)]
    indeg = [0] * nc
    for i in range(m):
        a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        adj[b].append(a)
        indeg[a] += 1
    queue = deque(c for c in range(nc) if indeg[c] == 0)
    done = 0
    while queue:
        c = queue.popleft()
        done += 1
        for nxt in adj[c]:
            indeg[nxt] -= 1
            if indeg[nxt] == 0:
                queue.append(nxt)
    print("true" if done == nc else "false")


main()
