use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn num_islands(grid: Vec<Vec<char>>) -> i32 {
    // TODO: count the groups of '1' cells connected horizontally or vertically
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

    let dims = parse_ints(next_line());
    let (rows, cols) = (dims[0] as usize, dims[1] as usize);
    let grid: Vec<Vec<char>> = (0..rows).map(|_| next_line().chars().take(cols).collect()).collect();

    let result = num_islands(grid);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "{}", result).unwrap();
}
