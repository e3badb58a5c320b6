#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int orangesRotting(int** grid, int gridRows, int gridCols) {
    // TODO: implement
    return 0;
}

// ---- input / output (no need to change anything below) ----

static int readInt(void) {
    int x = 0;
    if (scanf("%d", &x) != 1) x = 0;
    return x;
}

static int** readGrid(int* rows, int* cols) {
    *rows = readInt();
    *cols = readInt();
    int** grid = malloc(sizeof(int*) * (*rows > 0 ? *rows : 1));
    for (int r = 0; r < *rows; r++) {
        grid[r] = malloc(sizeof(int) * (*cols > 0 ? *cols : 1));
        for (int c = 0; c < *cols; c++) grid[r][c] = readInt();
    }
    return grid;
}

int main(void) {
    int gridRows = 0, gridCols = 0;
    int** grid = readGrid(&gridRows, &gridCols);
    int result = orangesRotting(grid, gridRows, gridCols);
    printf("%d\n", result);
    return 0;
}
