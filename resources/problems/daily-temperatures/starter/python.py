import sys
from typing import List, Optional


def daily_temperatures(temperatures: List[int]) -> List[int]:
    # TODO: return, for each day, how many days later a strictly warmer day comes (0 if never)
    return []


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    next_line()  # n
    temperatures = [int(x) for x in next_line().split()]

    result = daily_temperatures(temperatures)
    print(" ".join(map(str, result)))


if __name__ == "__main__":
    main()
