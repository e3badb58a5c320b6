import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    nums = data[1:1 + n]
    seen = set()
    for x in nums:
        v = int(x)
        if v in seen:
            print("true")
            return
        seen.add(v)
    print("false")


main()
