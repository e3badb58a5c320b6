import sys
from typing import List, Optional


def oranges_rotting(grid: List[List[int]]) -> int:
    # TODO: implement
    return 0


# ---- input / output (no need to change anything below) ----

def read_grid(tokens) -> List[List[int]]:
    rows, cols = int(next(tokens)), int(next(tokens))
    return [[int(next(tokens)) for _ in range(cols)] for _ in range(rows)]


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    grid = read_grid(tokens)
    result = oranges_rotting(grid)
    print(result)


if __name__ == "__main__":
    main()
