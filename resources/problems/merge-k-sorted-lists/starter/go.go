package main

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
)

type ListNode struct {
	Val  int
	Next *ListNode
}

func mergeKLists(lists []*ListNode) *ListNode {
	// TODO: merge the k sorted lists into one sorted list and return its head
	return nil
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

func buildList(values []int) *ListNode {
	dummy := &ListNode{}
	tail := dummy
	for _, v := range values {
		tail.Next = &ListNode{Val: v}
		tail = tail.Next
	}
	return dummy.Next
}

func listValues(head *ListNode) []int {
	values := []int{}
	for node := head; node != nil; node = node.Next {
		values = append(values, node.Val)
	}
	return values
}

func main() {
	data, _ := io.ReadAll(bufio.NewReader(os.Stdin))
	lines = strings.Split(string(data), "\n")
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()

	k := atoi(nextLine())
	lists := make([]*ListNode, 0, k)
	for i := 0; i < k; i++ {
		nextLine() // length of this list
		lists = append(lists, buildList(parseInts(nextLine())))
	}

	result := mergeKLists(lists)
	writeInts(w, listValues(result))
}
