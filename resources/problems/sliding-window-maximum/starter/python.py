import sys
from typing import List, Optional


def max_sliding_window(nums: List[int], k: int) -> List[int]:
    # TODO: implement
    return []


# ---- input / output (no need to change anything below) ----

def read_int_array(tokens) -> List[int]:
    n = int(next(tokens))
    return [int(next(tokens)) for _ in range(n)]


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    nums = read_int_array(tokens)
    k = int(next(tokens))
    result = max_sliding_window(nums, k)
    print(" ".join(map(str, result)))


if __name__ == "__main__":
    main()
