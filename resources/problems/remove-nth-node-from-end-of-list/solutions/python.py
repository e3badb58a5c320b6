import sys


class ListNode:
    __slots__ = ("val", "next")

    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt


def remove_nth_from_end(head, n):
    dummy = ListNode(0, head)
    fast = slow = dummy
    for _ in range(n):
        fast = fast.next
    while fast.next is not None:
        fast = fast.next
        slow = slow.next
    slow.next = slow.next.next
    return dummy.next


def main():
    it = iter(sys.stdin.read().split())
    sz = int(next(it))
    values = [int(next(it)) for _ in range(sz)]
    n = int(next(it))
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    head = remove_nth_from_end(head, n)
    out = []
    while head is not None:
        out.append(str(head.val))
        head = head.next
    print(" ".join(out))


main()
