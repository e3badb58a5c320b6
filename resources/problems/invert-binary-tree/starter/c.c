#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct TreeNode {
    int val;
    struct TreeNode* left;
    struct TreeNode* right;
};

struct TreeNode* invertTree(struct TreeNode* root) {
    // TODO: implement
    return NULL;
}

// ---- input / output (no need to change anything below) ----

static struct TreeNode* newTreeNode(int val) {
    struct TreeNode* node = malloc(sizeof(struct TreeNode));
    node->val = val;
    node->left = NULL;
    node->right = NULL;
    return node;
}

/* Reads all remaining tokens (level order, "null" for a missing child). */
static struct TreeNode* readTree(void) {
    int cap = 16, n = 0;
    int* vals = malloc(sizeof(int) * cap);
    bool* isNull = malloc(sizeof(bool) * cap);
    char buf[64];
    while (scanf("%63s", buf) == 1) {
        if (n == cap) {
            cap *= 2;
            vals = realloc(vals, sizeof(int) * cap);
            isNull = realloc(isNull, sizeof(bool) * cap);
        }
        isNull[n] = strcmp(buf, "null") == 0;
        vals[n] = isNull[n] ? 0 : atoi(buf);
        n++;
    }
    struct TreeNode* root = NULL;
    if (n > 0 && !isNull[0]) {
        struct TreeNode** queue = malloc(sizeof(struct TreeNode*) * n);
        int head = 0, tail = 0, i = 1;
        root = newTreeNode(vals[0]);
        queue[tail++] = root;
        while (head < tail && i < n) {
            struct TreeNode* node = queue[head++];
            if (i < n && !isNull[i]) {
                node->left = newTreeNode(vals[i]);
                queue[tail++] = node->left;
            }
            i++;
            if (i < n && !isNull[i]) {
                node->right = newTreeNode(vals[i]);
                queue[tail++] = node->right;
            }
            i++;
        }
        free(queue);
    }
    free(vals);
    free(isNull);
    return root;
}

static void printTree(struct TreeNode* root) {
    int cap = 16, tail = 0;
    struct TreeNode** queue = malloc(sizeof(struct TreeNode*) * cap);
    queue[tail++] = root;
    for (int head = 0; head < tail; head++) {
        struct TreeNode* node = queue[head];
        if (node != NULL) {
            if (tail + 2 > cap) {
                cap *= 2;
                queue = realloc(queue, sizeof(struct TreeNode*) * cap);
            }
            queue[tail++] = node->left;
            queue[tail++] = node->right;
        }
    }
    while (tail > 0 && queue[tail - 1] == NULL) tail--; /* drop trailing nulls */
    for (int i = 0; i < tail; i++) {
        if (i > 0) putchar(' ');
        if (queue[i] == NULL) {
            printf("null");
        } else {
            printf("%d", queue[i]->val);
        }
    }
    putchar('\n');
    free(queue);
}

int main(void) {
    struct TreeNode* root = readTree();
    struct TreeNode* result = invertTree(root);
    printTree(result);
    return 0;
}
