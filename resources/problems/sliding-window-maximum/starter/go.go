package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func maxSlidingWindow(nums []int, k int) []int {
	// TODO: implement
	return []int{}
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

func main() {
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	scanner.Split(bufio.ScanWords)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	nums := readIntArray()
	k := nextInt()
	result := maxSlidingWindow(nums, k)
	parts := make([]string, len(result))
	for i, v := range result {
		parts[i] = strconv.Itoa(v)
	}
	fmt.Fprintln(out, strings.Join(parts, " "))
}
