use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn three_sum(nums: Vec<i32>) -> Vec<Vec<i32>> {
    // TODO: return every distinct triplet [a, b, c] (a <= b <= c) of elements at different positions with a + b + c == 0, in lexicographic order
    Vec::new()
}

fn parse_ints(line: &str) -> Vec<i32> {
    line.split_whitespace().map(|x| x.parse().unwrap()).collect()
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
    let nums = parse_ints(next_line());

    let result = three_sum(nums);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for row in &result {
        writeln!(out, "{}", join(row)).unwrap();
    }
}
