use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn group_anagrams(strs: Vec<String>) -> Vec<Vec<String>> {
    // TODO: group the words that are anagrams of each other (any order; main() does not sort for you)
    Vec::new()
}

fn join<T: ToString>(values: &[T]) -> String {
    values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" ")
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut lines = input.split('\n').map(|l| l.trim_end_matches('\r'));
    let mut next_line = move || lines.next().unwrap_or("");

    next_line(); // n
    let strs: Vec<String> = next_line().split_whitespace().map(|w| w.to_string()).collect();

    let result = group_anagrams(strs);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for row in &result {
        writeln!(out, "{}", join(row)).unwrap();
    }
}
