#include <bits/stdc++.h>
using namespace std;

int climbStairs(int n) {
    // TODO: implement
    return 0;
}

// ---- input / output (no need to change anything below) ----

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n = 0;
    cin >> n;
    int result = climbStairs(n);
    cout << result << "\n";
    return 0;
}
