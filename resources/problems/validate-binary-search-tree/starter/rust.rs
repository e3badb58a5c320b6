use std::collections::VecDeque;
use std::io::{self, Read, Write};

#[derive(Debug)]
pub struct TreeNode {
    pub val: i32,
    pub left: Option<Box<TreeNode>>,
    pub right: Option<Box<TreeNode>>,
}

impl TreeNode {
    pub fn new(val: i32) -> Self {
        TreeNode { val, left: None, right: None }
    }
}

#[allow(unused_variables)]
fn is_valid_bst(root: Option<Box<TreeNode>>) -> bool {
    // TODO: implement
    false
}

// ---- input / output (no need to change anything below) ----

struct Scanner<'a> {
    tokens: Vec<&'a str>,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn rest(&mut self) -> Vec<&'a str> {
        let r = self.tokens[self.pos..].to_vec();
        self.pos = self.tokens.len();
        r
    }
}

fn build_tree(tokens: &[&str]) -> Option<Box<TreeNode>> {
    let n = tokens.len();
    if n == 0 || tokens[0] == "null" {
        return None;
    }
    // Work out the child positions first, then build the nodes bottom-up.
    let mut left = vec![usize::MAX; n];
    let mut right = vec![usize::MAX; n];
    let mut queue = VecDeque::new();
    queue.push_back(0usize);
    let mut i = 1;
    while let Some(p) = queue.pop_front() {
        if i >= n {
            break;
        }
        if tokens[i] != "null" {
            left[p] = i;
            queue.push_back(i);
        }
        i += 1;
        if i >= n {
            break;
        }
        if tokens[i] != "null" {
            right[p] = i;
            queue.push_back(i);
        }
        i += 1;
    }
    let mut nodes: Vec<Option<Box<TreeNode>>> = (0..n).map(|_| None).collect();
    for j in (0..n).rev() {
        if tokens[j] == "null" {
            continue;
        }
        let mut node = Box::new(TreeNode::new(tokens[j].parse().unwrap()));
        if left[j] != usize::MAX {
            node.left = nodes[left[j]].take();
        }
        if right[j] != usize::MAX {
            node.right = nodes[right[j]].take();
        }
        nodes[j] = Some(node);
    }
    nodes[0].take()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut sc = Scanner { tokens: input.split_ascii_whitespace().collect(), pos: 0 };
    let root = build_tree(&sc.rest());
    let result = is_valid_bst(root);
    let output = format!("{}\n", result);
    io::stdout().write_all(output.as_bytes()).unwrap();
}
