import sys
from collections import deque
from typing import List, Optional

sys.setrecursionlimit(20000)

class TreeNode:
    def __init__(self, val: int = 0, left: "Optional[TreeNode]" = None, right: "Optional[TreeNode]" = None):
        self.val = val
        self.left = left
        self.right = right


def build_tree(line: str) -> Optional[TreeNode]:
    tokens = line.split()
    if not tokens or tokens[0] == "null":
        return None
    root = TreeNode(int(tokens[0]))
    queue = deque([root])
    i = 1
    while queue and i < len(tokens):
        node = queue.popleft()
        if tokens[i] != "null":
            node.left = TreeNode(int(tokens[i]))
            queue.append(node.left)
        i += 1
        if i < len(tokens) and tokens[i] != "null":
            node.right = TreeNode(int(tokens[i]))
            queue.append(node.right)
        i += 1
    return root


def level_order(root: Optional[TreeNode]) -> List[List[int]]:
    # TODO: return the node values level by level, each level from left to right
    return []


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    root = build_tree(next_line())

    result = level_order(root)
    sys.stdout.write("".join(" ".join(map(str, row)) + "\n" for row in result))


if __name__ == "__main__":
    main()
