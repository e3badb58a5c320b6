#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int findKthLargest(int* nums, int numsSize, int k) {
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
    int numsSize = 0;
    int* nums = readIntArray(&numsSize);
    int k = readInt();
    int result = findKthLargest(nums, numsSize, k);
    printf("%d\n", result);
    return 0;
}
