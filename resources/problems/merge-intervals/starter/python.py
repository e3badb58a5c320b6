import sys
from typing import List, Optional


def merge(intervals: List[List[int]]) -> List[List[int]]:
    # TODO: merge all overlapping intervals and return them sorted by start
    return []


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    n = int(next_line())
    intervals = [[int(x) for x in next_line().split()] for _ in range(n)]

    result = merge(intervals)
    sys.stdout.write("".join(" ".join(map(str, row)) + "\n" for row in result))


if __name__ == "__main__":
    main()
