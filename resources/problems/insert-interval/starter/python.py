import sys
from typing import List, Optional


def insert(intervals: List[List[int]], new_interval: List[int]) -> List[List[int]]:
    # TODO: implement
    return []


# ---- input / output (no need to change anything below) ----

def read_pairs(tokens) -> List[List[int]]:
    m = int(next(tokens))
    return [[int(next(tokens)), int(next(tokens))] for _ in range(m)]


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    intervals = read_pairs(tokens)
    new_interval = [int(next(tokens)), int(next(tokens))]
    result = insert(intervals, new_interval)
    print("\n".join(f"{a} {b}" for a, b in result))


if __name__ == "__main__":
    main()
