import sys


class Node:
    __slots__ = ('val', 'next')

    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    head = None
    for v in reversed(data[1:1 + n]):
        head = Node(int(v), head)
    prev = None
    while head is not None:
        nxt = head.next
        head.next = prev
        prev = head
        head = nxt
    out = []
    while prev is not None:
        out.append(str(prev.val))
        prev = prev.next
    print(' '.join(out))


main()
