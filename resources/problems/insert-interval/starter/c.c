#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return a malloc-ed array of malloc-ed int[2] rows and store the row count in *returnSize. */
int** insert(int** intervals, int intervalsSize, int* newInterval, int* returnSize) {
    // TODO: implement
    *returnSize = 0;
    return NULL;
}

// ---- input / output (no need to change anything below) ----

static int readInt(void) {
    int x = 0;
    if (scanf("%d", &x) != 1) x = 0;
    return x;
}

static int** readPairs(int* size) {
    *size = readInt();
    int** arr = malloc(sizeof(int*) * (*size > 0 ? *size : 1));
    for (int i = 0; i < *size; i++) {
        arr[i] = malloc(sizeof(int) * 2);
        arr[i][0] = readInt();
        arr[i][1] = readInt();
    }
    return arr;
}

int main(void) {
    int intervalsSize = 0;
    int** intervals = readPairs(&intervalsSize);
    int newInterval[2];
    newInterval[0] = readInt();
    newInterval[1] = readInt();
    int resultSize = 0;
    int** result = insert(intervals, intervalsSize, newInterval, &resultSize);
    for (int i = 0; i < resultSize; i++) printf("%d %d\n", result[i][0], result[i][1]);
    return 0;
}
