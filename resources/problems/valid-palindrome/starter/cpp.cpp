#include <bits/stdc++.h>
using namespace std;

bool isPalindrome(const string& s) {
    // TODO: implement
    return false;
}

// ---- input / output (no need to change anything below) ----

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    getline(cin, s);
    if (!s.empty() && s.back() == '\r') s.pop_back();
    cout << (isPalindrome(s) ? "true" : "false") << "\n";
    return 0;
}
