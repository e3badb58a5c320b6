import heapq
import sys


def main():
    lines = sys.stdin.read().split('\n')
    k = int(lines[0])
    lists = []
    for i in range(k):
        lists.append([int(x) for x in lines[2 + 2 * i].split()] if 2 + 2 * i < len(lines) else [])
    heap = [(lst[0], idx, 0) for idx, lst in enumerate(lists) if lst]
    heapq.heapify(heap)
    out = []
    while heap:
        val, idx, pos = heapq.heappop(heap)
        out.append(val)
        if pos + 1 < len(lists[idx]):
            heapq.heappush(heap, (lists[idx][pos + 1], idx, pos + 1))
    print(' '.join(map(str, out)))


main()
