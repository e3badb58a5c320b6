import sys
from typing import List, Optional


def climb_stairs(n: int) -> int:
    # TODO: implement
    return 0


# ---- input / output (no need to change anything below) ----

def main() -> None:
    tokens = iter(sys.stdin.read().split())
    n = int(next(tokens))
    result = climb_stairs(n)
    print(result)


if __name__ == "__main__":
    main()
