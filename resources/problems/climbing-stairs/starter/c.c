#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int climbStairs(int n) {
    // TODO: implement
    return 0;
}

// ---- input / output (no need to change anything below) ----

static int readInt(void) {
    int x = 0;
    if (scanf("%d", &x) != 1) x = 0;
    return x;
}

int main(void) {
    int n = readInt();
    int result = climbStairs(n);
    printf("%d\n", result);
    return 0;
}
