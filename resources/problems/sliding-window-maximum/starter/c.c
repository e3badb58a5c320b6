#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return a malloc-ed array and store its length in *returnSize. */
int* maxSlidingWindow(int* nums, int numsSize, int k, int* returnSize) {
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

static int* readIntArray(int* size) {
    *size = readInt();
    int* arr = malloc(sizeof(int) * (*size > 0 ? *size : 1));
    for (int i = 0; i < *size; i++) arr[i] = readInt();
    return arr;
}

int main(void) {
    int numsSize = 0;
    int* nums = readIntArray(&numsSize);
    int k = readInt();
    int resultSize = 0;
    int* result = maxSlidingWindow(nums, numsSize, k, &resultSize);
    for (int i = 0; i < resultSize; i++) printf(i ? " %d" : "%d", result[i]);
    printf("\n");
    return 0;
}
