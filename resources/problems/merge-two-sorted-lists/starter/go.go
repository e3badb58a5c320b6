package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

type ListNode struct {
	Val  int
	Next *ListNode
}

func mergeTwoLists(list1 *ListNode, list2 *ListNode) *ListNode {
	// TODO: implement
	return nil
}

// ---- input / output (no need to change anything below) ----

var scanner = bufio.NewScanner(os.Stdin)

func nextToken() string {
	scanner.Scan()
	return scanner.Text()
}

func nextInt() int {
	v, _ := strconv.Atoi(nextToken())
	return v
}

func readIntArray() []int {
	n := nextInt()
	arr := make([]int, n)
	for i := range arr {
		arr[i] = nextInt()
	}
	return arr
}

func buildList(values []int) *ListNode {
	var head *ListNode
	for i := len(values) - 1; i >= 0; i-- {
		head = &ListNode{Val: values[i], Next: head}
	}
	return head
}

func listToString(head *ListNode) string {
	parts := []string{}
	for node := head; node != nil; node = node.Next {
		parts = append(parts, strconv.Itoa(node.Val))
	}
	return strings.Join(parts, " ")
}

func main() {
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	scanner.Split(bufio.ScanWords)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	list1 := buildList(readIntArray())
	list2 := buildList(readIntArray())
	result := mergeTwoLists(list1, list2)
	fmt.Fprintln(out, listToString(result))
}
