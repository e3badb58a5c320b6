package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

func insert(intervals [][]int, newInterval []int) [][]int {
	// TODO: implement
	return [][]int{}
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

func readPairs() [][]int {
	m := nextInt()
	arr := make([][]int, m)
	for i := range arr {
		a := nextInt()
		b := nextInt()
		arr[i] = []int{a, b}
	}
	return arr
}

func main() {
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	scanner.Split(bufio.ScanWords)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	intervals := readPairs()
	newInterval := make([]int, 2)
	newInterval[0] = nextInt()
	newInterval[1] = nextInt()
	result := insert(intervals, newInterval)
	for _, p := range result {
		fmt.Fprintf(out, "%d %d\n", p[0], p[1])
	}
}
