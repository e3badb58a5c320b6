package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

func canFinish(numCourses int, prerequisites [][]int) bool {
	// TODO: implement
	return false
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
	numCourses := nextInt()
	prerequisites := readPairs()
	result := canFinish(numCourses, prerequisites)
	fmt.Fprintln(out, result)
}
