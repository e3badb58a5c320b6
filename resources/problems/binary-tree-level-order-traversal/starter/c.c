#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct TreeNode {
    int val;
    struct TreeNode* left;
    struct TreeNode* right;
};

/* Return a malloc-ed array of rows; store the number of rows in *returnSize and a
   malloc-ed array with the length of each row in *returnColumnSizes. */
int** levelOrder(struct TreeNode* root, int* returnSize, int** returnColumnSizes) {
    // TODO: return the node values level by level, each level from left to right
    *returnSize = 0;
    *returnColumnSizes = NULL;
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

static char** splitWords(char* line, int* count) {
    int cap = 16, n = 0;
    char** words = malloc(cap * sizeof(char*));
    for (char* w = strtok(line, " \t"); w != NULL; w = strtok(NULL, " \t")) {
        if (n == cap) {
            cap *= 2;
            words = realloc(words, cap * sizeof(char*));
        }
        words[n++] = w;
    }
    *count = n;
    return words;
}

static struct TreeNode* newTreeNode(int val) {
    struct TreeNode* node = malloc(sizeof(struct TreeNode));
    node->val = val;
    node->left = NULL;
    node->right = NULL;
    return node;
}

static struct TreeNode* buildTree(char* line) {
    int n;
    char** tokens = splitWords(line, &n);
    if (n == 0 || strcmp(tokens[0], "null") == 0) {
        free(tokens);
        return NULL;
    }
    struct TreeNode** queue = malloc(n * sizeof(struct TreeNode*));
    int head = 0, tail = 0;
    struct TreeNode* root = newTreeNode(atoi(tokens[0]));
    queue[tail++] = root;
    int i = 1;
    while (head < tail && i < n) {
        struct TreeNode* node = queue[head++];
        if (strcmp(tokens[i], "null") != 0) {
            node->left = newTreeNode(atoi(tokens[i]));
            queue[tail++] = node->left;
        }
        i++;
        if (i < n && strcmp(tokens[i], "null") != 0) {
            node->right = newTreeNode(atoi(tokens[i]));
            queue[tail++] = node->right;
        }
        i++;
    }
    free(queue);
    free(tokens);
    return root;
}

int main(void) {
    readAll();
    struct TreeNode* root = buildTree(nextLine());

    int returnSize = 0;
    int* returnColumnSizes = NULL;
    int** result = levelOrder(root, &returnSize, &returnColumnSizes);
    for (int i = 0; i < returnSize; i++) {
        printInts(result[i], returnColumnSizes[i]);
    }
    return 0;
}
