import sys
from typing import List, Optional


class TreeNode:
    def __init__(self, val: int = 0, left: "Optional[TreeNode]" = None, right: "Optional[TreeNode]" = None):
        self.val = val
        self.left = left
        self.right = right


def invert_tree(root: Optional[TreeNode]) -> Optional[TreeNode]:
    # TODO: implement
    return None


# ---- input / output (no need to change anything below) ----

def build_tree(tokens: List[str]) -> Optional[TreeNode]:
    if not tokens or tokens[0] == "null":
        return None
    root = TreeNode(int(tokens[0]))
    queue = [root]
    head, i = 0, 1
    while head < len(queue) and i < len(tokens):
        node = queue[head]
        head += 1
        if i < len(tokens) and tokens[i] != "null":
            node.left = TreeNode(int(tokens[i]))
            queue.append(node.left)
        i += 1
        if i < len(tokens) and tokens[i] != "null":
            node.right = TreeNode(int(tokens[i]))
            queue.append(node.right)
        i += 1
    return root


def serialize_tree(root: Optional[TreeNode]) -> str:
    parts: List[str] = []
    queue = [root]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        if node is None:
            parts.append("null")
        else:
            parts.append(str(node.val))
            queue.append(node.left)
            queue.append(node.right)
    while parts and parts[-1] == "null":
        parts.pop()
    return " ".join(parts)


def main() -> None:
    sys.setrecursionlimit(100000)
    tokens = iter(sys.stdin.read().split())
    root = build_tree(list(tokens))
    result = invert_tree(root)
    print(serialize_tree(result))


if __name__ == "__main__":
    main()
