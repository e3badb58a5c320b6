#include <bits/stdc++.h>
using namespace std;

struct ListNode {
    int val;
    ListNode* next;
    ListNode(int x) : val(x), next(nullptr) {}
};

ListNode* mergeKLists(vector<ListNode*>& lists) {
    // TODO: merge the k sorted lists into one sorted list and return its head
    return nullptr;
}

static string nextLine() {
    string line;
    if (!getline(cin, line)) return "";
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

static vector<int> parseInts(const string& line) {
    istringstream ss(line);
    vector<int> values;
    int x;
    while (ss >> x) values.push_back(x);
    return values;
}

template <typename T>
static void printRow(const vector<T>& row) {
    for (size_t i = 0; i < row.size(); i++) {
        if (i > 0) cout << ' ';
        cout << row[i];
    }
    cout << '\n';
}

static ListNode* buildList(const vector<int>& values) {
    ListNode dummy(0);
    ListNode* tail = &dummy;
    for (int v : values) {
        tail->next = new ListNode(v);
        tail = tail->next;
    }
    return dummy.next;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);

    int k = stoi(nextLine());
    vector<ListNode*> lists;
    for (int i = 0; i < k; i++) {
        nextLine();  // length of this list
        lists.push_back(buildList(parseInts(nextLine())));
    }

    ListNode* result = mergeKLists(lists);
    vector<int> values;
    for (ListNode* node = result; node != nullptr; node = node->next) values.push_back(node->val);
    printRow(values);
    return 0;
}
