import heapq
import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    nums = list(map(int, data[1:1 + n]))
    k = int(data[1 + n])
    heap = nums[:k]
    heapq.heapify(heap)
    for v in nums[k:]:
        if v > heap[0]:
            heapq.heapreplace(heap, v)
    print(heap[0])


main()
