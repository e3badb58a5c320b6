package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func isPalindrome(s string) bool {
	// TODO: implement
	return false
}

// ---- input / output (no need to change anything below) ----

func main() {
	reader := bufio.NewReaderSize(os.Stdin, 1<<20)
	line, _ := reader.ReadString('\n')
	s := strings.TrimRight(line, "\r\n")
	fmt.Println(isPalindrome(s))
}
