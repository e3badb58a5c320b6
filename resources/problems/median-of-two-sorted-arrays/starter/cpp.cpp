#include <bits/stdc++.h>
using namespace std;

double findMedianSortedArrays(vector<int>& nums1, vector<int>& nums2) {
    // TODO: implement
    return 0.0;
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
    vector<int> nums1 = readIntArray();
    vector<int> nums2 = readIntArray();
    double result = findMedianSortedArrays(nums1, nums2);
    cout << fixed << setprecision(5) << result << "\n";
    return 0;
}
