import sys
from typing import List, Optional

sys.setrecursionlimit(20000)


def num_islands(grid: List[List[str]]) -> int:
    # TODO: count the groups of '1' cells connected horizontally or vertically
    return 0


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    rows, cols = map(int, next_line().split())
    grid = [list(next_line()[:cols]) for _ in range(rows)]

    result = num_islands(grid)
    print(result)


if __name__ == "__main__":
    main()
