use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn min_distance(word1: String, word2: String) -> i32 {
    // TODO: return the minimum number of insertions, deletions and replacements turning word1 into word2
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut lines = input.split('\n').map(|l| l.trim_end_matches('\r'));
    let mut next_line = move || lines.next().unwrap_or("");

    let word1 = next_line().to_string();
    let word2 = next_line().to_string();

    let result = min_distance(word1, word2);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", result).unwrap();
}
