import sys
from typing import List, Optional


def can_finish(num_courses: int, prerequisites: List[List[int]]) -> bool:
    # TODO: implement
    return False


# ---- input / output (no need to change anything below) ----

def read_pairs(tokens) -> List[List[int]]:
    m = int(next(tokens))
    return [[int(next(tokens)), int(next(tokens))] for _ in range(m)]


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    num_courses = int(next(tokens))
    prerequisites = read_pairs(tokens)
    result = can_finish(num_courses, prerequisites)
    print("true" if result else "false")


if __name__ == "__main__":
    main()
