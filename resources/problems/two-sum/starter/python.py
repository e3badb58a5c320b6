import sys
from typing import List, Optional


def two_sum(nums: List[int], target: int) -> List[int]:
    # TODO: return [i, j] with i < j and nums[i] + nums[j] == target
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
    nums = [int(x) for x in next_line().split()]
    target = int(next_line())

    result = two_sum(nums, target)
    print(" ".join(map(str, result)))


if __name__ == "__main__":
    main()
