use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn can_finish(num_courses: i32, prerequisites: Vec<Vec<i32>>) -> bool {
    // TODO: implement
    false
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
    let num_courses = sc.next_i32();
    let prerequisites = sc.read_pairs();
    let result = can_finish(num_courses, prerequisites);
    let output = format!("{}\n", result);
    io::stdout().write_all(output.as_bytes()).unwrap();
}
