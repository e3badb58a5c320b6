import java.io.*;
import java.util.*;

public class Main {
    static long largestRectangleArea(int[] heights) {
        // TODO: implement
        return 0L;
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

    private static int[] readIntArray() throws IOException {
        int n = nextInt();
        int[] arr = new int[n];
        for (int i = 0; i < n; i++) {
            arr[i] = nextInt();
        }
        return arr;
    }

    public static void main(String[] args) throws IOException {
        reader = new BufferedReader(new InputStreamReader(System.in));
        int[] heights = readIntArray();
        long result = largestRectangleArea(heights);
        StringBuilder sb = new StringBuilder();
        sb.append(result).append('\n');
        System.out.print(sb);
        System.out.flush();
    }
}
