import sys
from collections import Counter


def main():
    lines = sys.stdin.read().split('\n')
    s = lines[0].strip() if lines else ''
    t = lines[1].strip() if len(lines) > 1 else ''
    print('true' if len(s) == len(t) and Counter(s) == Counter(t) else 'false')


main()
