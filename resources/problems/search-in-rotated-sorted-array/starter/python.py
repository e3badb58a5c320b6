import sys
from typing import List, Optional


def search(nums: List[int], target: int) -> int:
    # TODO: return the index of target in the rotated array nums, or -1 (use O(log n) time)
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
    nums = [int(x) for x in next_line().split()]
    target = int(next_line())

    result = search(nums, target)
    print(result)


if __name__ == "__main__":
    main()
