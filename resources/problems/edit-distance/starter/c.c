#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int minDistance(char* word1, char* word2) {
    // TODO: return the minimum number of insertions, deletions and replacements turning word1 into word2
    return 0;
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
    char* word1 = nextLine();
    char* word2 = nextLine();

    int result = minDistance(word1, word2);
    printf("%d\n", result);
    return 0;
}
