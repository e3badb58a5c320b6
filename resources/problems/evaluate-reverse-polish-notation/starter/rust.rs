use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn eval_rpn(tokens: Vec<String>) -> i32 {
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

    fn read_string_array(&mut self) -> Vec<String> {
        let n = self.next_i32() as usize;
        (0..n).map(|_| self.next_token().to_string()).collect()
    }
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut sc = Scanner { tokens: input.split_ascii_whitespace().collect(), pos: 0 };
    let tokens = sc.read_string_array();
    let result = eval_rpn(tokens);
    let output = format!("{}\n", result);
    io::stdout().write_all(output.as_bytes()).unwrap();
}
