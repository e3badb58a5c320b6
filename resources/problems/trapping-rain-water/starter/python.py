import sys
from typing import List, Optional


def trap(height: List[int]) -> int:
    # TODO: return the total units of water trapped between the bars
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
    height = [int(x) for x in next_line().split()]

    result = trap(height)
    print(result)


if __name__ == "__main__":
    main()
