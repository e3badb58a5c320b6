import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    candidate, count = 0, 0
    for i in range(1, n + 1):
        v = int(data[i])
        if count == 0:
            candidate = v
        count += 1 if v == candidate else -1
    print(candidate)


main()
