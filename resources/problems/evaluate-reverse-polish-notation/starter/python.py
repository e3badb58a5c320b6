import sys
from typing import List, Optional


def eval_rpn(tokens: List[str]) -> int:
    # TODO: implement
    return 0


# ---- input / output (no need to change anything below) ----

def read_string_array(tokens) -> List[str]:
    n = int(next(tokens))
    return [next(tokens) for _ in range(n)]


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    tokens = read_string_array(tokens)
    result = eval_rpn(tokens)
    print(result)


if __name__ == "__main__":
    main()
