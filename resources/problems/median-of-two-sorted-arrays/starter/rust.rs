use std::io::{self, Read, Write};

#[allow(unused_variables)]
fn find_median_sorted_arrays(nums1: Vec<i32>, nums2: Vec<i32>) -> f64 {
    // TODO: implement
    0.0
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
    let nums1 = sc.read_int_array();
    let nums2 = sc.read_int_array();
    let result = find_median_sorted_arrays(nums1, nums2);
    let output = format!("{:.5}\n", result);
    io::stdout().write_all(output.as_bytes()).unwrap();
}
