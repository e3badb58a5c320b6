package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

func evalRPN(tokens []string) int {
	// TODO: implement
	return 0
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

func readStringArray() []string {
	n := nextInt()
	arr := make([]string, n)
	for i := range arr {
		arr[i] = nextToken()
	}
	return arr
}

func main() {
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	scanner.Split(bufio.ScanWords)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	tokens := readStringArray()
	result := evalRPN(tokens)
	fmt.Fprintln(out, result)
}
