import sys


def main():
    tokens = sys.stdin.read().split()
    if not tokens or tokens[0] == 'null':
        return
    # Process the level-order description one level at a time without building nodes:
    # each real node of the current level consumes the next two tokens as its children.
    out = []
    level = [tokens[0]]
    i = 1
    while level:
        out.append(' '.join(level) + '\n')
        nxt = []
        for _ in range(len(level) * 2):
            if i >= len(tokens):
                break
            if tokens[i] != 'null':
                nxt.append(tokens[i])
            i += 1
        level = nxt
    sys.stdout.write(''.join(out))


main()
