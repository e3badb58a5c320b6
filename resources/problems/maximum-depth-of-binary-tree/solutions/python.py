import sys
from collections import deque


def main():
    tokens = sys.stdin.read().split()
    if not tokens or tokens[0] == 'null':
        print(0)
        return
    # Walk the level-order description, tracking the depth of every real node.
    depth = [1]
    best = 1
    queue = deque([1])
    i = 1
    while queue and i < len(tokens):
        d = queue.popleft()
        for _ in range(2):
            if i < len(tokens):
                if tokens[i] != 'null':
                    queue.append(d + 1)
                    if d + 1 > best:
                        best = d + 1
                i += 1
    print(best)


main()
