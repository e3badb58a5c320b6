#include <bits/stdc++.h>
using namespace std;

vector<int> maxSlidingWindow(vector<int>& nums, int k) {
    // TODO: implement
    return {};
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
    vector<int> nums = readIntArray();
    int k = 0;
    cin >> k;
    vector<int> result = maxSlidingWindow(nums, k);
    for (size_t i = 0; i < result.size(); i++) {
        if (i) cout << ' ';
        cout << result[i];
    }
    cout << "\n";
    return 0;
}
