#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ListNode {
    int val;
    struct ListNode* next;
};

struct ListNode* mergeTwoLists(struct ListNode* list1, struct ListNode* list2) {
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
    int list1Size = 0;
    int* list1Values = readIntArray(&list1Size);
    struct ListNode* list1 = buildList(list1Values, list1Size);
    int list2Size = 0;
    int* list2Values = readIntArray(&list2Size);
    struct ListNode* list2 = buildList(list2Values, list2Size);
    struct ListNode* result = mergeTwoLists(list1, list2);
    for (struct ListNode* node = result; node != NULL; node = node->next) printf(node == result ? "%d" : " %d", node->val);
    printf("\n");
    return 0;
}
