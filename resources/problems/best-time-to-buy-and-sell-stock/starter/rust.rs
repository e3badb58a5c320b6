use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn max_profit(prices: Vec<i32>) -> i32 {
    // TODO: return the best profit from one buy followed by one later sell (0 if none)
    0
}

fn parse_ints(line: &str) -> Vec<i32> {
    line.split_whitespace().map(|x| x.parse().unwrap()).collect()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut lines = input.split('\n').map(|l| l.trim_end_matches('\r'));
    let mut next_line = move || lines.next().unwrap_or("");

    next_line(); // n
    let prices = parse_ints(next_line());

    let result = max_profit(prices);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", result).unwrap();
}
