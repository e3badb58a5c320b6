#include <bits/stdc++.h>
using namespace std;

int evalRPN(vector<string>& tokens) {
    // TODO: implement
    return 0;
}

// ---- input / output (no need to change anything below) ----

static vector<string> readStringArray() {
    int n = 0;
    cin >> n;
    vector<string> arr(n);
    for (string& s : arr) cin >> s;
    return arr;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<string> tokens = readStringArray();
    int result = evalRPN(tokens);
    cout << result << "\n";
    return 0;
}
