import sys
from typing import List, Optional


def length_of_longest_substring(s: str) -> int:
    # TODO: return the length of the longest substring of s with all characters distinct
    return 0


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    s = next_line()

    result = length_of_longest_substring(s)
    print(result)


if __name__ == "__main__":
    main()
