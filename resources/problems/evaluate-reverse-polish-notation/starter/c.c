#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int evalRPN(char** tokens, int tokensSize) {
    // TODO: implement
    return 0;
}

// ---- input / output (no need to change anything below) ----

static int readInt(void) {
    int x = 0;
    if (scanf("%d", &x) != 1) x = 0;
    return x;
}

static char** readStringArray(int* size) {
    *size = readInt();
    char** arr = malloc(sizeof(char*) * (*size > 0 ? *size : 1));
    char buf[64];
    for (int i = 0; i < *size; i++) {
        if (scanf("%63s", buf) != 1) buf[0] = '\0';
        arr[i] = malloc(strlen(buf) + 1);
        strcpy(arr[i], buf);
    }
    return arr;
}

int main(void) {
    int tokensSize = 0;
    char** tokens = readStringArray(&tokensSize);
    int result = evalRPN(tokens, tokensSize);
    printf("%d\n", result);
    return 0;
}
