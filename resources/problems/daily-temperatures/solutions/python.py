import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    temps = list(map(int, data[1:1 + n]))
    answer = [0] * n
    stack = []  # indices of days still waiting for a warmer day; temperatures non-increasing
    for i, t in enumerate(temps):
        while stack and temps[stack[-1]] < t:
            j = stack.pop()
            answer[j] = i - j
        stack.append(i)
    print(' '.join(map(str, answer)))


main()
