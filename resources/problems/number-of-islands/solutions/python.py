import sys


def main():
    lines = sys.stdin.read().split()
    rows, cols = int(lines[0]), int(lines[1])
    grid = [bytearray(lines[2 + r][:cols], 'ascii') for r in range(rows)]
    one = ord('1')
    islands = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == one:
                islands += 1
                grid[r][c] = 0
                stack = [(r, c)]
                while stack:
                    y, x = stack.pop()
                    for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                        if 0 <= ny < rows and 0 <= nx < cols and grid[ny][nx] == one:
                            grid[ny][nx] = 0
                            stack.append((ny, nx))
    print(islands)


main()
