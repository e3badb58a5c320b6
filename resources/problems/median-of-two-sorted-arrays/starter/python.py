import sys
from typing import List, Optional


def find_median_sorted_arrays(nums1: List[int], nums2: List[int]) -> float:
    # TODO: implement
    return 0.0


# ---- input / output (no need to change anything below) ----

def read_int_array(tokens) -> List[int]:
    n = int(next(tokens))
    return [int(next(tokens)) for _ in range(n)]


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    nums1 = read_int_array(tokens)
    nums2 = read_int_array(tokens)
    result = find_median_sorted_arrays(nums1, nums2)
    print(f"{result:.5f}")


if __name__ == "__main__":
    main()
