use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn length_of_longest_substring(s: String) -> i32 {
    // TODO: return the length of the longest substring of s with all characters distinct
    0
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut lines = input.split('\n').map(|l| l.trim_end_matches('\r'));
    let mut next_line = move || lines.next().unwrap_or("");

    let s = next_line().to_string();

    let result = length_of_longest_substring(s);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", result).unwrap();
}
