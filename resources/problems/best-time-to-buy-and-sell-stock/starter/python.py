import sys
from typing import List, Optional


def max_profit(prices: List[int]) -> int:
    # TODO: return the best profit from one buy followed by one later sell (0 if none)
    return 0


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    next_line()  # n
    prices = [int(x) for x in next_line().split()]

    result = max_profit(prices)
    print(result)


if __name__ == "__main__":
    main()
