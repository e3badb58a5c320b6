#include <bits/stdc++.h>
using namespace std;

int minDistance(string word1, string word2) {
    // TODO: return the minimum number of insertions, deletions and replacements turning word1 into word2
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

    string word1 = nextLine();
    string word2 = nextLine();

    int result = minDistance(word1, word2);
    cout << result << '\n';
    return 0;
}
