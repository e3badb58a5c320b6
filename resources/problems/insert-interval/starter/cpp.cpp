#include <bits/stdc++.h>
using namespace std;

vector<vector<int>> insert(vector<vector<int>>& intervals, vector<int>& newInterval) {
    // TODO: implement
    return {};
}

// ---- input / output (no need to change anything below) ----

static vector<vector<int>> readPairs() {
    int m = 0;
    cin >> m;
    vector<vector<int>> arr(m, vector<int>(2));
    for (auto& p : arr) cin >> p[0] >> p[1];
    return arr;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<vector<int>> intervals = readPairs();
    vector<int> newInterval(2);
    cin >> newInterval[0] >> newInterval[1];
    vector<vector<int>> result = insert(intervals, newInterval);
    for (auto& p : result) cout << p[0] << ' ' << p[1] << "\n";
    return 0;
}
