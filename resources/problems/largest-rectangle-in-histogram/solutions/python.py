import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    heights = list(map(int, data[1:1 + n]))
    heights.append(0)  # sentinel flushes the stack at the end
    stack = []  # indices with increasing heights
    best = 0
    for i, h in enumerate(heights):
        start = i
        while stack and heights[stack[-1]] >= h:
            top = stack.pop()
            left = stack[-1] + 1 if stack else 0
            area = heights[top] * (i - left)
            if area > best:
                best = area
        stack.append(i)
    print(best)


main()
