import sys
from typing import List, Optional


def find_kth_largest(nums: List[int], k: int) -> int:
    # TODO: implement
    return 0


# ---- input / output (no need to change anything below) ----

def read_int_array(tokens) -> List[int]:
    n = int(next(tokens))
    return [int(next(tokens)) for _ in range(n)]


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    nums = read_int_array(tokens)
    k = int(next(tokens))
    result = find_kth_largest(nums, k)
    print(result)


if __name__ == "__main__":
    main()
