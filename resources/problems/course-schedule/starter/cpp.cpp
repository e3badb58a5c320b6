#include <bits/stdc++.h>
using namespace std;

bool canFinish(int numCourses, vector<vector<int>>& prerequisites) {
    // TODO: implement
    return false;
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
    int numCourses = 0;
    cin >> numCourses;
    vector<vector<int>> prerequisites = readPairs();
    bool result = canFinish(numCourses, prerequisites);
    cout << (result ? "true" : "false") << "\n";
    return 0;
}
