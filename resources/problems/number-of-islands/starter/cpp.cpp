#include <bits/stdc++.h>
using namespace std;

int numIslands(vector<vector<char>>& grid) {
    // TODO: count the groups of '1' cells connected horizontally or vertically
    return 0;
}

static string nextLine() {
    string line;
    if (!getline(cin, line)) return "";
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

static vector<int> parseInts(const string& line) {
    istringstream ss(line);
    vector<int> values;
    int x;
    while (ss >> x) values.push_back(x);
    return values;
}

template <typename T>
static void printRow(const vector<T>& row) {
    for (size_t i = 0; i < row.size(); i++) {
        if (i > 0) cout << ' ';
        cout << row[i];
    }
    cout << '\n';
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);

    vector<int> dims = parseInts(nextLine());
    vector<vector<char>> grid;
    for (int r = 0; r < dims[0]; r++) {
        string line = nextLine();
        if ((int)line.size() > dims[1]) line.resize(dims[1]);
        grid.push_back(vector<char>(line.begin(), line.end()));
    }

    int result = numIslands(grid);
    cout << result << '\n';
    return 0;
}
