import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    take, skip = 0, 0  # best total if the previous house was taken / not taken
    for i in range(1, n + 1):
        v = int(data[i])
        take, skip = skip + v, max(take, skip)
    print(max(take, skip))


main()
