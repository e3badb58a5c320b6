import sys
from typing import List, Optional


class TreeNode:
    def __init__(self, val: int = 0, left: "Optional[TreeNode]" = None, right: "Optional[TreeNode]" = None):
        self.val = val
        self.left = left
        self.right = right


def is_valid_bst(root: Optional[TreeNode]) -> bool:
    # TODO: implement
    return False


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


def main() -> None:
    sys.setrecursionlimit(100000)
    tokens = iter(sys.stdin.read().split())
    root = build_tree(list(tokens))
    result = is_valid_bst(root)
    print("true" if result else "false")


if __name__ == "__main__":
    main()
