import type { SupportedLanguage } from '../../server/protocol/index.ts';

/** The smallest program per language that prints one line: what a "hello world" run costs. */
export const HELLO: Record<SupportedLanguage, string> = {
  javascript: 'console.log("hello")\n',
  typescript: 'const greeting: string = "hello";\nconsole.log(greeting);\n',
  python: 'print("hello")\n',
  go: 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n',
  rust: 'fn main() { println!("hello"); }\n',
  java: 'public class Main { public static void main(String[] a) { System.out.println("hello"); } }\n',
  cpp: '#include <iostream>\nint main() { std::cout << "hello\\n"; }\n',
  c: '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n',
};
