import sys


def main():
    line = sys.stdin.readline().rstrip("\r\n")
    cleaned = [ch.lower() for ch in line if ch.isascii() and ch.isalnum()]
    i, j = 0, len(cleaned) - 1
    ok = True
    while i < j:
        if cleaned[i] != cleaned[j]:
            ok = False
            break
        i += 1
        j -= 1
    print("true" if ok else "false")


main()
