import sys
from typing import List, Optional


class ListNode:
    def __init__(self, val: int = 0, next: "Optional[ListNode]" = None):
        self.val = val
        self.next = next


def merge_two_lists(list1: Optional[ListNode], list2: Optional[ListNode]) -> Optional[ListNode]:
    # TODO: implement
    return None


# ---- input / output (no need to change anything below) ----

def read_int_array(tokens) -> List[int]:
    n = int(next(tokens))
    return [int(next(tokens)) for _ in range(n)]


def build_list(values: List[int]) -> Optional[ListNode]:
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def list_to_string(head: Optional[ListNode]) -> str:
    parts = []
    while head is not None:
        parts.append(str(head.val))
        head = head.next
    return " ".join(parts)


def main() -> None:
    tokens = iter(sys.stdin.read().split())
    list1 = build_list(read_int_array(tokens))
    list2 = build_list(read_int_array(tokens))
    result = merge_two_lists(list1, list2)
    print(list_to_string(result))


if __name__ == "__main__":
    main()
