use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn climb_stairs(n: i32) -> i32 {
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
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut sc = Scanner { tokens: input.split_ascii_whitespace().collect(), pos: 0 };
    let n = sc.next_i32();
    let result = climb_stairs(n);
    let output = format!("{}\n", result);
    io::stdout().write_all(output.as_bytes()).unwrap();
}
