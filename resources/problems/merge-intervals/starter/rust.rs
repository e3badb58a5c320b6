use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn merge(intervals: Vec<Vec<i32>>) -> Vec<Vec<i32>> {
    // TODO: merge all overlapping intervals and return them sorted by start
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

    let n: usize = next_line().trim().parse().unwrap();
    let intervals: Vec<Vec<i32>> = (0..n).map(|_| parse_ints(next_line())).collect();

    let result = merge(intervals);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for row in &result {
        writeln!(out, "{}", join(row)).unwrap();
    }
}
