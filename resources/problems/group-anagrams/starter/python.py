import sys
from typing import List, Optional


def group_anagrams(strs: List[str]) -> List[List[str]]:
    # TODO: group the words that are anagrams of each other (any order; main() does not sort for you)
    return []


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    next_line()  # n
    strs = next_line().split()

    result = group_anagrams(strs)
    sys.stdout.write("".join(" ".join(map(str, row)) + "\n" for row in result))


if __name__ == "__main__":
    main()
