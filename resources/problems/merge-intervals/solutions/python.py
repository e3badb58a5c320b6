import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    ivs = sorted((int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n))
    out = []
    cur_s, cur_e = ivs[0]
    for s, e in ivs[1:]:
        if s <= cur_e:
            if e > cur_e:
                cur_e = e
        else:
            out.append(f'{cur_s} {cur_e}\n')
            cur_s, cur_e = s, e
    out.append(f'{cur_s} {cur_e}\n')
    sys.stdout.write(''.join(out))


main()
