#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ListNode {
    int val;
    struct ListNode* next;
};

struct ListNode* removeNthFromEnd(struct ListNode* head, int n) {
    // TODO: implement
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

static struct ListNode* buildList(const int* values, int size) {
    struct ListNode* head = NULL;
    for (int i = size - 1; i >= 0; i--) {
        struct ListNode* node = malloc(sizeof(struct ListNode));
        node->val = values[i];
        node->next = head;
        head = node;
    }
    return head;
}

int main(void) {
    int headSize = 0;
    int* headValues = readIntArray(&headSize);
    struct ListNode* head = buildList(headValues, headSize);
    int n = readInt();
    struct ListNode* result = removeNthFromEnd(head, n);
    for (struct ListNode* node = result; node != NULL; node = node->next) printf(node == result ? "%d" : " %d", node->val);
    printf("\n");
    return 0;
}
