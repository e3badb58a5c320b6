import sys
from typing import List, Optional


def contains_duplicate(nums: List[int]) -> bool:
    # TODO: implement
    return False


# ---- input / output (no need to change anything below) ----

def read_int_array(tokens) -> List[int]:
    n = int(next(tokens))
    return [int(next(tokens)) for _ in range(n)]


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    nums = read_int_array(tokens)
    result = contains_duplicate(nums)
    print("true" if result else "false")


if __name__ == "__main__":
    main()
