import sys


def main():
    tokens = sys.stdin.read().split()
    if not tokens or tokens[0] == "null":
        print("true")
        return
    # Build child index arrays from the level-order listing.
    n = len(tokens)
    left = [-1] * n
    right = [-1] * n
    queue = [0]
    head, i = 0, 1
    while head < len(queue) and i < n:
        p = queue[head]
        head += 1
        if i < n and tokens[i] != "null":
            left[p] = i
            queue.append(i)
        i += 1
        if i < n and tokens[i] != "null":
            right[p] = i
            queue.append(i)
        i += 1
    # Iterative in-order traversal: values must be strictly increasing.
    ok = True
    prev = None
    stack = []
    cur = 0
    while ok and (stack or cur != -1):
        while cur != -1:
            stack.append(cur)
            cur = left[cur]
        cur = stack.pop()
        v = int(tokens[cur])
        if prev is not None and v <= prev:
            ok = False
        prev = v
        cur = right[cur]
    print("true" if ok else "false")


main()
