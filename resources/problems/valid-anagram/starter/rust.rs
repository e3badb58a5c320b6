use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn is_anagram(s: String, t: String) -> bool {
    // TODO: return true if t is a rearrangement of the letters of s
    false
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut lines = input.split('\n').map(|l| l.trim_end_matches('\r'));
    let mut next_line = move || lines.next().unwrap_or("");

    let s = next_line().to_string();
    let t = next_line().to_string();

    let result = is_anagram(s, t);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", result).unwrap();
}
