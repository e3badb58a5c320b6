use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn is_valid(s: String) -> bool {
    // TODO: return true if every bracket in s is closed correctly
    false
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut lines = input.split('\n').map(|l| l.trim_end_matches('\r'));
    let mut next_line = move || lines.next().unwrap_or("");

    let s = next_line().to_string();

    let result = is_valid(s);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", result).unwrap();
}
