import sys


def median(a, b):
    if len(a) > len(b):
        a, b = b, a
    m, n = len(a), len(b)
    half = (m + n + 1) // 2
    lo, hi = 0, m
    inf = float("inf")
    while True:
        i = (lo + hi) // 2  # elements taken from a into the left half
        j = half - i
        a_left = a[i - 1] if i > 0 else -inf
        a_right = a[i] if i < m else inf
        b_left = b[j - 1] if j > 0 else -inf
        b_right = b[j] if j < n else inf
        if a_left <= b_right and b_left <= a_right:
            left_max = max(a_left, b_left)
            if (m + n) % 2 == 1:
                return float(left_max)
            return (left_max + min(a_right, b_right)) / 2.0
        if a_left > b_right:
            hi = i - 1
        else:
            lo = i + 1


def main():
    it = iter(sys.stdin.read().split())
    m = int(next(it))
    a = [int(next(it)) for _ in range(m)]
    n = int(next(it))
    b = [int(next(it)) for _ in range(n)]
    print(f"{median(a, b):.5f}")


main()
