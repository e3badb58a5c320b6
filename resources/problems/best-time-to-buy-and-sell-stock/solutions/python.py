import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    best = 0
    low = None
    for p in map(int, data[1:1 + n]):
        if low is None or p < low:
            low = p
        elif p - low > best:
            best = p - low
    print(best)


main()
