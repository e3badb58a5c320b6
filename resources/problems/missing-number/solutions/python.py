import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    total = n * (n + 1) // 2
    for i in range(1, n + 1):
        total -= int(data[i])
    print(total)


main()
