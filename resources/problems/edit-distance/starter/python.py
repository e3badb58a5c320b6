import sys
from typing import List, Optional


def min_distance(word1: str, word2: str) -> int:
    # TODO: return the minimum number of insertions, deletions and replacements turning word1 into word2
    return 0


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    word1 = next_line()
    word2 = next_line()

    result = min_distance(word1, word2)
    print(result)


if __name__ == "__main__":
    main()
