// Test programs for every language. MODE_PROGRAMS read a command from stdin and behave accordingly, so one
// compilation exercises every verdict: `echo X` prints X, `crash` exits 3, `loop` spins forever, `mem`
// allocates and touches 1 MiB blocks without end.

import type { SupportedLanguage } from '../../server/protocol/index.ts';

export const MODE_PROGRAMS: Record<SupportedLanguage, string> = {
  javascript: `const [cmd, arg] = require('fs').readFileSync(0, 'utf8').trim().split(' ');
if (cmd === 'echo') console.log(arg);
else if (cmd === 'crash') process.exit(3);
else if (cmd === 'loop') for (;;) {}
else if (cmd === 'mem') { const a = []; for (;;) a.push(Buffer.alloc(1 << 20, 1)); }
`,
  typescript: `const parts: string[] = require('fs').readFileSync(0, 'utf8').trim().split(' ');
const [cmd, arg] = parts;
if (cmd === 'echo') console.log(arg);
else if (cmd === 'crash') process.exit(3);
else if (cmd === 'loop') for (;;) {}
else if (cmd === 'mem') { const a: Buffer[] = []; for (;;) a.push(Buffer.alloc(1 << 20, 1)); }
`,
  python: `import sys
cmd, *rest = sys.stdin.read().split()
if cmd == 'echo':
    print(rest[0])
elif cmd == 'crash':
    sys.exit(3)
elif cmd == 'loop':
    while True:
        pass
elif cmd == 'mem':
    a = []
    while True:
        a.append(b'x' * (1 << 20))
`,
  go: `package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	var cmd, arg string
	fmt.Fscan(bufio.NewReader(os.Stdin), &cmd, &arg)
	switch cmd {
	case "echo":
		fmt.Println(arg)
	case "crash":
		os.Exit(3)
	case "loop":
		for {
		}
	case "mem":
		var a [][]byte
		for {
			b := make([]byte, 1<<20)
			for i := range b {
				b[i] = 1
			}
			a = append(a, b)
		}
	}
}
`,
  rust: `use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let parts: Vec<&str> = s.split_whitespace().collect();
    match parts[0] {
        "echo" => println!("{}", parts[1]),
        "crash" => std::process::exit(3),
        "loop" => loop { std::hint::black_box(0); },
        "mem" => {
            let mut a: Vec<Vec<u8>> = Vec::new();
            loop { a.push(vec![1u8; 1 << 20]); std::hint::black_box(&a); }
        }
        _ => {}
    }
}
`,
  java: `import java.util.*;

public class Main {
    static void spin() { while (true) {} }
    static void hog() {
        List<byte[]> a = new ArrayList<>();
        while (true) { byte[] b = new byte[1 << 20]; Arrays.fill(b, (byte) 1); a.add(b); }
    }
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        String cmd = in.next();
        switch (cmd) {
            case "echo": System.out.println(in.next()); break;
            case "crash": System.exit(3); break;
            case "loop": spin(); break;
            case "mem": hog(); break;
        }
    }
}
`,
  cpp: `#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
int main() {
    std::string cmd, arg;
    std::cin >> cmd >> arg;
    if (cmd == "echo") std::cout << arg << "\\n";
    else if (cmd == "crash") return 3;
    else if (cmd == "loop") { volatile unsigned long x = 0; for (;;) x++; }
    else if (cmd == "mem") {
        static char* volatile keep;
        for (;;) { char* p = (char*)malloc(1 << 20); memset(p, 1, 1 << 20); keep = p; }
    }
    return 0;
}
`,
  c: `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
    char cmd[32] = "", arg[64] = "";
    if (scanf("%31s %63s", cmd, arg) < 1) return 1;
    if (strcmp(cmd, "echo") == 0) printf("%s\\n", arg);
    else if (strcmp(cmd, "crash") == 0) return 3;
    else if (strcmp(cmd, "loop") == 0) { volatile unsigned long x = 0; for (;;) x++; }
    else if (strcmp(cmd, "mem") == 0) {
        static char *volatile keep;
        for (;;) { char *p = malloc(1 << 20); memset(p, 1, 1 << 20); keep = p; }
    }
    return 0;
}
`,
};

/** Programs that must not compile. JavaScript has no compile step: its syntax errors are runtime errors. */
export const BROKEN_PROGRAMS: Partial<Record<SupportedLanguage, string>> = {
  typescript: 'const x: number = ;\n',
  python: 'def f(:\n    pass\n',
  go: 'package main\n\nfunc main() { x := }\n',
  rust: 'fn main() { let x: i32 = ; }\n',
  java: 'public class Main { void f( }\n',
  cpp: 'int main() { return }\n',
  c: 'int main(void) { return }\n',
};
