package main

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
)

func trap(height []int) int64 {
	// TODO: return the total units of water trapped between the bars
	return 0
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

	nextLine() // n
	height := parseInts(nextLine())

	result := trap(height)
	w.WriteString(strconv.FormatInt(result, 10) + "\n")
}
