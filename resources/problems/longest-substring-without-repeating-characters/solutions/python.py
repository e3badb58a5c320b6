import sys


def main():
    s = sys.stdin.readline().rstrip('\r\n')
    last = {}
    start = 0
    best = 0
    for i, ch in enumerate(s):
        j = last.get(ch)
        if j is not None and j >= start:
            start = j + 1
        last[ch] = i
        if i - start + 1 > best:
            best = i - start + 1
    print(best)


main()
