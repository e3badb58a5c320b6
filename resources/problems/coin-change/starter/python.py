import sys
from typing import List, Optional


def coin_change(coins: List[int], amount: int) -> int:
    # TODO: return the fewest coins summing to amount, or -1 if impossible
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
    coins = [int(x) for x in next_line().split()]
    amount = int(next_line())

    result = coin_change(coins, amount)
    print(result)


if __name__ == "__main__":
    main()
