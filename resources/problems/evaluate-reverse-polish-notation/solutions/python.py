import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    stack = []
    for tok in data[1:1 + n]:
        if tok in ("+", "-", "*", "/"):
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            else:
                q = abs(a) // abs(b)
                stack.append(q if (a >= 0) == (b > 0) else -q)
        else:
            stack.append(int(tok))
    print(stack[-1])


main()
