import sys
from typing import List, Optional


def is_anagram(s: str, t: str) -> bool:
    # TODO: return true if t is a rearrangement of the letters of s
    return False


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    s = next_line()
    t = next_line()

    result = is_anagram(s, t)
    print("true" if result else "false")


if __name__ == "__main__":
    main()
