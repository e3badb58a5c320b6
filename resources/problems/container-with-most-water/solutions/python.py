import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    i, j = 0, n - 1
    best = 0
    while i < j:
        if h[i] < h[j]:
            area = h[i] * (j - i)
            i += 1
        else:
            area = h[j] * (j - i)
            j -= 1
        if area > best:
            best = area
    print(best)


main()
