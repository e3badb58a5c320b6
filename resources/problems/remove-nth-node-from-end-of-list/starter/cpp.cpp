#include <bits/stdc++.h>
using namespace std;

struct ListNode {
    int val;
    ListNode* next;
    ListNode(int x, ListNode* n = nullptr) : val(x), next(n) {}
};

ListNode* removeNthFromEnd(ListNode* head, int n) {
    // TODO: implement
    return nullptr;
}

// ---- input / output (no need to change anything below) ----

static vector<int> readIntArray() {
    int n = 0;
    cin >> n;
    vector<int> arr(n);
    for (int& x : arr) cin >> x;
    return arr;
}

static ListNode* buildList(const vector<int>& values) {
    ListNode* head = nullptr;
    for (int i = (int)values.size() - 1; i >= 0; i--) head = new ListNode(values[i], head);
    return head;
}

static string listToString(ListNode* head) {
    string s;
    for (ListNode* node = head; node != nullptr; node = node->next) {
        if (!s.empty()) s += ' ';
        s += to_string(node->val);
    }
    return s;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    ListNode* head = buildList(readIntArray());
    int n = 0;
    cin >> n;
    ListNode* result = removeNthFromEnd(head, n);
    cout << listToString(result) << "\n";
    return 0;
}
