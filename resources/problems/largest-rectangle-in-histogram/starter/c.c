#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long long largestRectangleArea(int* heights, int heightsSize) {
    // TODO: implement
    return 0;
}

// ---- input / output (no need to change anything below) ----

static int readInt(void) {
    int x = 0;
    if (scanf("%d", &x) != 1) x = 0;
    return x;
}

static int* readIntArray(int* size) {
    *size = readInt();
    int* arr = malloc(sizeof(int) * (*size > 0 ? *size : 1));
    for (int i = 0; i < *size; i++) arr[i] = readInt();
    return arr;
}

int main(void) {
    int heightsSize = 0;
    int* heights = readIntArray(&heightsSize);
    long long result = largestRectangleArea(heights, heightsSize);
    printf("%lld\n", result);
    return 0;
}
