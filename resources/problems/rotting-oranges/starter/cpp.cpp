#include <bits/stdc++.h>
using namespace std;

int orangesRotting(vector<vector<int>>& grid) {
    // TODO: implement
    return 0;
}

// ---- input / output (no need to change anything below) ----

static vector<vector<int>> readGrid() {
    int rows = 0, cols = 0;
    cin >> rows >> cols;
    vector<vector<int>> grid(rows, vector<int>(cols));
    for (auto& row : grid)
        for (int& x : row) cin >> x;
    return grid;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<vector<int>> grid = readGrid();
    int result = orangesRotting(grid);
    cout << result << "\n";
    return 0;
}
