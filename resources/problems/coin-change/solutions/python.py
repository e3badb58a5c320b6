import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    amount = int(data[1 + n])
    coins = [c for c in map(int, data[1:1 + n]) if c <= amount]
    INF = amount + 1
    best = [0] + [INF] * amount
    for c in coins:
        for v in range(c, amount + 1):
            cand = best[v - c] + 1
            if cand < best[v]:
                best[v] = cand
    print(best[amount] if best[amount] <= amount else -1)


main()
