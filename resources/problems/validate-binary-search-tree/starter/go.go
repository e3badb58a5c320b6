package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}

func isValidBST(root *TreeNode) bool {
	// TODO: implement
	return false
}

// ---- input / output (no need to change anything below) ----

var scanner = bufio.NewScanner(os.Stdin)

func nextToken() string {
	scanner.Scan()
	return scanner.Text()
}

func buildTree(tokens []string) *TreeNode {
	if len(tokens) == 0 || tokens[0] == "null" {
		return nil
	}
	newNode := func(s string) *TreeNode {
		v, _ := strconv.Atoi(s)
		return &TreeNode{Val: v}
	}
	root := newNode(tokens[0])
	queue := []*TreeNode{root}
	i := 1
	for head := 0; head < len(queue) && i < len(tokens); head++ {
		node := queue[head]
		if i < len(tokens) && tokens[i] != "null" {
			node.Left = newNode(tokens[i])
			queue = append(queue, node.Left)
		}
		i++
		if i < len(tokens) && tokens[i] != "null" {
			node.Right = newNode(tokens[i])
			queue = append(queue, node.Right)
		}
		i++
	}
	return root
}

func main() {
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	scanner.Split(bufio.ScanWords)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	tokens := []string{}
	for scanner.Scan() {
		tokens = append(tokens, scanner.Text())
	}
	root := buildTree(tokens)
	result := isValidBST(root)
	fmt.Fprintln(out, result)
}
