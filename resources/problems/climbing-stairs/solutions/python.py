import sys


def main():
    n = int(sys.stdin.read().split()[0])
    a, b = 1, 1  # ways to reach step 0 and step 1
    for _ in range(n - 1):
        a, b = b, a + b
    print(b)


main()
