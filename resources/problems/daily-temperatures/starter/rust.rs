use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn daily_temperatures(temperatures: Vec<i32>) -> Vec<i32> {
    // TODO: return, for each day, how many days later a strictly warmer day comes (0 if never)
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
    let temperatures = parse_ints(next_line());

    let result = daily_temperatures(temperatures);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", join(&result)).unwrap();
}
