import sys


class ListNode:
    __slots__ = ("val", "next")

    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt


def build(values):
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def merge(a, b):
    dummy = ListNode(0)
    tail = dummy
    while a is not None and b is not None:
        if a.val <= b.val:
            tail.next, a = a, a.next
        else:
            tail.next, b = b, b.next
        tail = tail.next
    tail.next = a if a is not None else b
    return dummy.next


def main():
    it = iter(sys.stdin.read().split())
    n = int(next(it))
    l1 = build([int(next(it)) for _ in range(n)])
    m = int(next(it))
    l2 = build([int(next(it)) for _ in range(m)])
    out = []
    node = merge(l1, l2)
    while node is not None:
        out.append(str(node.val))
        node = node.next
    print(" ".join(out))


main()
