package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

func findMedianSortedArrays(nums1 []int, nums2 []int) float64 {
	// TODO: implement
	return 0.0
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
	nums1 := readIntArray()
	nums2 := readIntArray()
	result := findMedianSortedArrays(nums1, nums2)
	fmt.Fprintf(out, "%.5f\n", result)
}
