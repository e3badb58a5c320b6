import sys
from typing import List, Optional


def largest_rectangle_area(heights: List[int]) -> int:
    # TODO: implement
    return 0


# ---- input / output (no need to change anything below) ----

def read_int_array(tokens) -> List[int]:
    n = int(next(tokens))
    return [int(next(tokens)) for _ in range(n)]


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    heights = read_int_array(tokens)
    result = largest_rectangle_area(heights)
    print(result)


if __name__ == "__main__":
    main()
