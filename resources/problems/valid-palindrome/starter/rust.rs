use std::io::{self, Read};

#[allow(unused_variables)]
fn is_palindrome(s: &str) -> bool {
    // TODO: implement
    false
}

// ---- input / output (no need to change anything below) ----

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let s = input.lines().next().unwrap_or("");
    println!("{}", is_palindrome(s));
}
