#include <bits/stdc++.h>
using namespace std;

vector<vector<int>> threeSum(vector<int>& nums) {
    // TODO: return every distinct triplet [a, b, c] (a <= b <= c) of elements at different positions with a + b + c == 0, in lexicographic order
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

    nextLine();  // n
    vector<int> nums = parseInts(nextLine());

    vector<vector<int>> result = threeSum(nums);
    for (const auto& row : result) printRow(row);
    return 0;
}
