use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn oranges_rotting(grid: Vec<Vec<i32>>) -> i32 {
    // TODO: implement
    0
}

// ---- input / output (no need to change anything below) ----

struct Scanner<'a> {
    tokens: Vec<&'a str>,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn next_token(&mut self) -> &'a str {
        let t = self.tokens[self.pos];
        self.pos += 1;
        t
    }

    fn next_i32(&mut self) -> i32 {
        self.next_token().parse().unwrap()
    }

    fn read_grid(&mut self) -> Vec<Vec<i32>> {
        let rows = self.next_i32() as usize;
        let cols = self.next_i32() as usize;
        (0..rows).map(|_| (0..cols).map(|_| self.next_i32()).collect()).collect()
    }
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut sc = Scanner { tokens: input.split_ascii_whitespace().collect(), pos: 0 };
    let grid = sc.read_grid();
    let result = oranges_rotting(grid);
    let output = format!("{}\n", result);
    io::stdout().write_all(output.as_bytes()).unwrap();
}
