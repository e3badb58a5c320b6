package main

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
)

type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}

func levelOrder(root *TreeNode) [][]int {
	// TODO: return the node values level by level, each level from left to right
	return [][]int{}
}

var lines []string
var pos int

func nextLine() string {
	if pos >= len(lines) {
		pos++
		return ""
	}
	line := strings.TrimRight(lines[pos], "\r")
	pos++
	return line
}

func atoi(s string) int {
	v, _ := strconv.Atoi(strings.TrimSpace(s))
	return v
}

func parseInts(line string) []int {
	fields := strings.Fields(line)
	res := make([]int, 0, len(fields))
	for _, f := range fields {
		v, _ := strconv.Atoi(f)
		res = append(res, v)
	}
	return res
}

func writeInts(w *bufio.Writer, values []int) {
	for i, v := range values {
		if i > 0 {
			w.WriteByte(' ')
		}
		w.WriteString(strconv.Itoa(v))
	}
	w.WriteByte('\n')
}

func buildTree(line string) *TreeNode {
	tokens := strings.Fields(line)
	if len(tokens) == 0 || tokens[0] == "null" {
		return nil
	}
	root := &TreeNode{Val: atoi(tokens[0])}
	queue := []*TreeNode{root}
	i := 1
	for len(queue) > 0 && i < len(tokens) {
		node := queue[0]
		queue = queue[1:]
		if tokens[i] != "null" {
			node.Left = &TreeNode{Val: atoi(tokens[i])}
			queue = append(queue, node.Left)
		}
		i++
		if i < len(tokens) && tokens[i] != "null" {
			node.Right = &TreeNode{Val: atoi(tokens[i])}
			queue = append(queue, node.Right)
		}
		i++
	}
	return root
}

func main() {
	data, _ := io.ReadAll(bufio.NewReader(os.Stdin))
	lines = strings.Split(string(data), "\n")
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()

	root := buildTree(nextLine())

	result := levelOrder(root)
	for _, row := range result {
		writeInts(w, row)
	}
}
