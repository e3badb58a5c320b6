use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn product_except_self(nums: Vec<i32>) -> Vec<i32> {
    // TODO: return answer where answer[i] is the product of all nums[j] with j != i (no division)
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

    let result = product_except_self(nums);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", join(&result)).unwrap();
}
