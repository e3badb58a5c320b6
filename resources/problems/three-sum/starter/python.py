import sys
from typing import List, Optional


def three_sum(nums: List[int]) -> List[List[int]]:
    # TODO: return every distinct triplet [a, b, c] (a <= b <= c) of elements at different positions with a + b + c == 0, in lexicographic order
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

    result = three_sum(nums)
    sys.stdout.write("".join(" ".join(map(str, row)) + "\n" for row in result))


if __name__ == "__main__":
    main()
