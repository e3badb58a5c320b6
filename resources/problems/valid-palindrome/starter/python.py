import sys


def is_palindrome(s: str) -> bool:
    # TODO: implement
    return False


# ---- input / output (no need to change anything below) ----

def main() -> None:
    s = sys.stdin.readline().rstrip("\r\n")
    print("true" if is_palindrome(s) else "false")


if __name__ == "__main__":
    main()
