#include <bits/stdc++.h>
using namespace std;

int lengthOfLIS(vector<int>& nums) {
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
    vector<int> nums = readIntArray();
    int result = lengthOfLIS(nums);
    cout << result << "\n";
    return 0;
}
