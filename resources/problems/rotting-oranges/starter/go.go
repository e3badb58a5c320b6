package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

func orangesRotting(grid [][]int) int {
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

func readGrid() [][]int {
	rows := nextInt()
	cols := nextInt()
	grid := make([][]int, rows)
	for r := range grid {
		grid[r] = make([]int, cols)
		for c := range grid[r] {
			grid[r][c] = nextInt()
		}
	}
	return grid
}

func main() {
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	scanner.Split(bufio.ScanWords)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	grid := readGrid()
	result := orangesRotting(grid)
	fmt.Fprintln(out, result)
}
