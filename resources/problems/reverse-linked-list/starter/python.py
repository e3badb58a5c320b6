import sys
from typing import List, Optional

class ListNode:
    def __init__(self, val: int = 0, next: "Optional[ListNode]" = None):
        self.val = val
        self.next = next


def build_list(values: List[int]) -> Optional[ListNode]:
    dummy = ListNode()
    tail = dummy
    for v in values:
        tail.next = ListNode(v)
        tail = tail.next
    return dummy.next


def list_values(head: Optional[ListNode]) -> List[int]:
    values = []
    while head is not None:
        values.append(head.val)
        head = head.next
    return values


def reverse_list(head: Optional[ListNode]) -> Optional[ListNode]:
    # TODO: reverse the list in place and return its new head
    return None


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    next_line()  # n
    head = build_list([int(x) for x in next_line().split()])

    result = reverse_list(head)
    print(" ".join(map(str, list_values(result))))


if __name__ == "__main__":
    main()
