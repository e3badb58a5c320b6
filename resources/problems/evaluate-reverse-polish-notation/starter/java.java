import java.io.*;
import java.util.*;

public class Main {
    static int evalRPN(String[] tokens) {
        // TODO: implement
        return 0;
    }

    // ---- input / output (no need to change anything below) ----

    private static BufferedReader reader;
    private static StringTokenizer tokenizer = new StringTokenizer("");

    private static String next() throws IOException {
        while (!tokenizer.hasMoreTokens()) {
            String line = reader.readLine();
            if (line == null) {
                return null;
            }
            tokenizer = new StringTokenizer(line);
        }
        return tokenizer.nextToken();
    }

    private static int nextInt() throws IOException {
        return Integer.parseInt(next());
    }

    private static String[] readStringArray() throws IOException {
        int n = nextInt();
        String[] arr = new String[n];
        for (int i = 0; i < n; i++) {
            arr[i] = next();
        }
        return arr;
    }

    public static void main(String[] args) throws IOException {
        reader = new BufferedReader(new InputStreamReader(System.in));
        String[] tokens = readStringArray();
        int result = evalRPN(tokens);
        StringBuilder sb = new StringBuilder();
        sb.append(result).append('\n');
        System.out.print(sb);
        System.out.flush();
    }
}
