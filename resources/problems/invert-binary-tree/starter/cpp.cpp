#include <bits/stdc++.h>
using namespace std;

struct TreeNode {
    int val;
    TreeNode* left;
    TreeNode* right;
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
};

TreeNode* invertTree(TreeNode* root) {
    // TODO: implement
    return nullptr;
}

// ---- input / output (no need to change anything below) ----

static TreeNode* buildTree(const vector<string>& tokens) {
    if (tokens.empty() || tokens[0] == "null") return nullptr;
    TreeNode* root = new TreeNode(stoi(tokens[0]));
    queue<TreeNode*> q;
    q.push(root);
    size_t i = 1;
    while (!q.empty() && i < tokens.size()) {
        TreeNode* node = q.front();
        q.pop();
        if (i < tokens.size() && tokens[i] != "null") {
            node->left = new TreeNode(stoi(tokens[i]));
            q.push(node->left);
        }
        i++;
        if (i < tokens.size() && tokens[i] != "null") {
            node->right = new TreeNode(stoi(tokens[i]));
            q.push(node->right);
        }
        i++;
    }
    return root;
}

static string serializeTree(TreeNode* root) {
    vector<string> parts;
    vector<TreeNode*> q{root};
    for (size_t head = 0; head < q.size(); head++) {
        TreeNode* node = q[head];
        if (node == nullptr) {
            parts.push_back("null");
        } else {
            parts.push_back(to_string(node->val));
            q.push_back(node->left);
            q.push_back(node->right);
        }
    }
    while (!parts.empty() && parts.back() == "null") parts.pop_back();
    string s;
    for (size_t i = 0; i < parts.size(); i++) {
        if (i) s += ' ';
        s += parts[i];
    }
    return s;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<string> tokens;
    string tok;
    while (cin >> tok) tokens.push_back(tok);
    TreeNode* root = buildTree(tokens);
    TreeNode* result = invertTree(root);
    cout << serializeTree(result) << "\n";
    return 0;
}
