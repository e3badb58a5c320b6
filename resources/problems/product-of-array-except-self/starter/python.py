import sys
from typing import List, Optional


def product_except_self(nums: List[int]) -> List[int]:
    # TODO: return answer where answer[i] is the product of all nums[j] with j != i (no division)
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

    result = product_except_self(nums)
    print(" ".join(map(str, result)))


if __name__ == "__main__":
    main()
