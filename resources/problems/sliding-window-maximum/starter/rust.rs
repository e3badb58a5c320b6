use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn max_sliding_window(nums: Vec<i32>, k: i32) -> Vec<i32> {
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

    fn read_int_array(&mut self) -> Vec<i32> {
        let n = self.next_i32() as usize;
        (0..n).map(|_| self.next_i32()).collect()
    }
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut sc = Scanner { tokens: input.split_ascii_whitespace().collect(), pos: 0 };
    let nums = sc.read_int_array();
    let k = sc.next_i32();
    let result = max_sliding_window(nums, k);
    let output = result.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ") + "\n";
    io::stdout().write_all(output.as_bytes()).unwrap();
}
