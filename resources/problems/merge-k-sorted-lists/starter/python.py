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


def merge_k_lists(lists: List[Optional[ListNode]]) -> Optional[ListNode]:
    # TODO: merge the k sorted lists into one sorted list and return its head
    return None


def main() -> None:
    data = sys.stdin.read().split("\n")
    pos = 0

    def next_line() -> str:
        nonlocal pos
        line = data[pos].rstrip("\r") if pos < len(data) else ""
        pos += 1
        return line

    k = int(next_line())
    lists = []
    for _ in range(k):
        next_line()  # length of this list
        lists.append(build_list([int(x) for x in next_line().split()]))

    result = merge_k_lists(lists)
    print(" ".join(map(str, list_values(result))))


if __name__ == "__main__":
    main()
