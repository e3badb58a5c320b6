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
fn level_order(root: Option<Box<TreeNode>>) -> Vec<Vec<i32>> {
    // TODO: return the node values level by level, each level from left to right
    Vec::new()
}

fn build_tree(line: &str) -> Option<Box<TreeNode>> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.is_empty() || tokens[0] == "null" {
        return None;
    }
    let n = tokens.len();
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
        if i < n && tokens[i] != "null" {
            right[p] = i;
            queue.push_back(i);
        }
        i += 1;
    }
    // Children always come after their parent in level order, so build from the back.
    let mut nodes: Vec<Option<Box<TreeNode>>> = (0..n).map(|_| None).collect();
    for idx in (0..n).rev() {
        if tokens[idx] == "null" {
            continue;
        }
        let mut node = Box::new(TreeNode::new(tokens[idx].parse().unwrap()));
        if left[idx] != usize::MAX {
            node.left = nodes[left[idx]].take();
        }
        if right[idx] != usize::MAX {
            node.right = nodes[right[idx]].take();
        }
        nodes[idx] = Some(node);
    }
    nodes[0].take()
}

fn join<T: ToString>(values: &[T]) -> String {
    values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" ")
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut lines = input.split('\n').map(|l| l.trim_end_matches('\r'));
    let mut next_line = move || lines.next().unwrap_or("");

    let root = build_tree(next_line());

    let result = level_order(root);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for row in &result {
        writeln!(out, "{}", join(row)).unwrap();
    }
}
