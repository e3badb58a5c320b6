package main

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
)

func merge(intervals [][]int) [][]int {
	// TODO: merge all overlapping intervals and return them sorted by start
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

func main() {
	data, _ := io.ReadAll(bufio.NewReader(os.Stdin))
	lines = strings.Split(string(data), "\n")
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()

	n := atoi(nextLine())
	intervals := make([][]int, 0, n)
	for i := 0; i < n; i++ {
		intervals = append(intervals, parseInts(nextLine()))
	}

	result := merge(intervals)
	for _, row := range result {
		writeInts(w, row)
	}
}
