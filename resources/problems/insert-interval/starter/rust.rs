use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn insert(intervals: Vec<Vec<i32>>, new_interval: Vec<i32>) -> Vec<Vec<i32>> {
    // TODO: implement
    Vec::new()
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

    fn read_pairs(&mut self) -> Vec<Vec<i32>> {
        let m = self.next_i32() as usize;
        (0..m).map(|_| vec![self.next_i32(), self.next_i32()]).collect()
    }
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut sc = Scanner { tokens: input.split_ascii_whitespace().collect(), pos: 0 };
    let intervals = sc.read_pairs();
    let new_interval = vec![sc.next_i32(), sc.next_i32()];
    let result = insert(intervals, new_interval);
    let output = result.iter().map(|p| format!("{} {}\n", p[0], p[1])).collect::<String>();
    io::stdout().write_all(output.as_bytes()).unwrap();
}
