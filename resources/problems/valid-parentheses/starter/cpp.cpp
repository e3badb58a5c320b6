#include <bits/stdc++.h>
using namespace std;

bool isValid(string s) {
    // TODO: return true if every bracket in s is closed correctly
    return false;
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

    string s = nextLine();

    bool result = isValid(s);
    cout << (result ? "true" : "false") << '\n';
    return 0;
}
