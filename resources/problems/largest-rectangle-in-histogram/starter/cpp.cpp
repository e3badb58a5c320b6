#include <bits/stdc++.h>
using namespace std;

long long largestRectangleArea(vector<int>& heights) {
    // TODO: implement
    return 0;
}

// ---- input / output (no need to change anything below) ----

static vector<int> readIntArray() {
    int n = 0;
    cin >> n;
    vector<int> arr(n);
    for (int& x : arr) cin >> x;
    return arr;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<int> heights = readIntArray();
    long long result = largestRectangleArea(heights);
    cout << result << "\n";
    return 0;
}
