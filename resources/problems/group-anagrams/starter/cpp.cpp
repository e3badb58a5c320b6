#include <bits/stdc++.h>
using namespace std;

vector<vector<string>> groupAnagrams(vector<string>& strs) {
    // TODO: group the words that are anagrams of each other (any order; main() does not sort for you)
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
    vector<string> strs;
    {
        istringstream ss(nextLine());
        string w;
        while (ss >> w) strs.push_back(w);
    }

    vector<vector<string>> result = groupAnagrams(strs);
    for (const auto& row : result) printRow(row);
    return 0;
}
