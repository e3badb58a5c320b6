#include <bits/stdc++.h>
using namespace std;

vector<vector<int>> merge(vector<vector<int>>& intervals) {
    // TODO: merge all overlapping intervals and return them sorted by start
    return {};
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

    int n = stoi(nextLine());
    vector<vector<int>> intervals;
    for (int i = 0; i < n; i++) intervals.push_back(parseInts(nextLine()));

    vector<vector<int>> result = merge(intervals);
    for (const auto& row : result) printRow(row);
    return 0;
}
