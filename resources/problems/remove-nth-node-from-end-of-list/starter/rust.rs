use std::io::{self, Read, Write};

#[derive(Debug)]
pub struct ListNode {
    pub val: i32,
    pub next: Option<Box<ListNode>>,
}

impl ListNode {
    pub fn new(val: i32) -> Self {
        ListNode { val, next: None }
    }
}

#[allow(unused_variables)]
fn remove_nth_from_end(head: Option<Box<ListNode>>, n: i32) -> Option<Box<ListNode>> {
    // TODO: implement
    None
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

fn build_list(values: &[i32]) -> Option<Box<ListNode>> {
    let mut head: Option<Box<ListNode>> = None;
    for &v in values.iter().rev() {
        let mut node = Box::new(ListNode::new(v));
        node.next = head;
        head = Some(node);
    }
    head
}

fn list_to_string(head: &Option<Box<ListNode>>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = head.as_deref();
    while let Some(node) = cur {
        parts.push(node.val.to_string());
        cur = node.next.as_deref();
    }
    parts.join(" ")
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut sc = Scanner { tokens: input.split_ascii_whitespace().collect(), pos: 0 };
    let head = build_list(&sc.read_int_array());
    let n = sc.next_i32();
    let result = remove_nth_from_end(head, n);
    let output = list_to_string(&result) + "\n";
    io::stdout().write_all(output.as_bytes()).unwrap();
}
