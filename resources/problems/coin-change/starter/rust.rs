use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn coin_change(coins: Vec<i32>, amount: i32) -> i32 {
    // TODO: return the fewest coins summing to amount, or -1 if impossible
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
    let coins = parse_ints(next_line());
    let amount: i32 = next_line().trim().parse().unwrap();

    let result = coin_change(coins, amount);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", result).unwrap();
}
