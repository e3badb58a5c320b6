#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool canFinish(int numCourses, int** prerequisites, int prerequisitesSize) {
    // TODO: implement
    return false;
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
    int numCourses = readInt();
    int prerequisitesSize = 0;
    int** prerequisites = readPairs(&prerequisitesSize);
    bool result = canFinish(numCourses, prerequisites, prerequisitesSize);
    printf("%s\n", result ? "true" : "false");
    return 0;
}
