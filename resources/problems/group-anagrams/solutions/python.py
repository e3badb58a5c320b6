import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    groups = {}
    for w in data[1:1 + n]:
        groups.setdefault(''.join(sorted(w)), []).append(w)
    rows = [sorted(g) for g in groups.values()]
    rows.sort(key=lambda g: g[0])
    sys.stdout.write(''.join(' '.join(g) + '\n' for g in rows))


main()
