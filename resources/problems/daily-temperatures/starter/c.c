#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Return a malloc-ed array and store its length in *returnSize. */
int* dailyTemperatures(int* temperatures, int temperaturesSize, int* returnSize) {
    // TODO: return, for each day, how many days later a strictly warmer day comes (0 if never)
    *returnSize = 0;
    return NULL;
}

static char* input;
static size_t inputLen, inputPos;
static char emptyLine[1];

static void readAll(void) {
    size_t cap = 1 << 16;
    input = malloc(cap);
    inputLen = 0;
    size_t got;
    while ((got = fread(input + inputLen, 1, cap - inputLen, stdin)) > 0) {
        inputLen += got;
        if (inputLen == cap) {
            cap *= 2;
            input = realloc(input, cap);
        }
    }
    input[inputLen] = '\0';
}

/* Returns the next line (without the line break); an empty string after the end of input. */
static char* nextLine(void) {
    if (inputPos >= inputLen) return emptyLine;
    char* start = input + inputPos;
    char* nl = memchr(start, '\n', inputLen - inputPos);
    size_t end = nl ? (size_t)(nl - input) : inputLen;
    input[end] = '\0';
    inputPos = end + 1;
    size_t len = strlen(start);
    if (len > 0 && start[len - 1] == '\r') start[len - 1] = '\0';
    return start;
}

static int* parseInts(char* line, int* count) {
    int cap = 16, n = 0;
    int* values = malloc(cap * sizeof(int));
    char* p = line;
    char* end;
    for (;;) {
        long v = strtol(p, &end, 10);
        if (end == p) break;
        if (n == cap) {
            cap *= 2;
            values = realloc(values, cap * sizeof(int));
        }
        values[n++] = (int)v;
        p = end;
    }
    *count = n;
    return values;
}

static void printInts(const int* values, int n) {
    for (int i = 0; i < n; i++) {
        if (i > 0) putchar(' ');
        printf("%d", values[i]);
    }
    putchar('\n');
}

int main(void) {
    readAll();
    nextLine(); /* n */
    int temperaturesSize;
    int* temperatures = parseInts(nextLine(), &temperaturesSize);

    int returnSize = 0;
    int* result = dailyTemperatures(temperatures, temperaturesSize, &returnSize);
    printInts(result, returnSize);
    return 0;
}
