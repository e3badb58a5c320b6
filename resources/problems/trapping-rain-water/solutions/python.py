import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    lo, hi = 0, n - 1
    left_max = right_max = 0
    water = 0
    while lo <= hi:
        if left_max <= right_max:
            if h[lo] > left_max:
                left_max = h[lo]
            water += left_max - h[lo]
            lo += 1
        else:
            if h[hi] > right_max:
                right_max = h[hi]
            water += right_max - h[hi]
            hi -= 1
    print(water)


main()
