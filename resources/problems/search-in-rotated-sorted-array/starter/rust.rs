use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn search(nums: Vec<i32>, target: i32) -> i32 {
    // TODO: return the index of target in the rotated array nums, or -1 (use O(log n) time)
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
    let nums = parse_ints(next_line());
    let target: i32 = next_line().trim().parse().unwrap();

    let result = search(nums, target);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", result).unwrap();
}
