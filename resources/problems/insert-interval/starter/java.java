import java.io.*;
import java.util.*;

public class Main {
    static int[][] insert(int[][] intervals, int[] newInterval) {
        // TODO: implement
        return new int[0][];
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

    private static int[][] readPairs() throws IOException {
        int m = nextInt();
        int[][] arr = new int[m][2];
        for (int i = 0; i < m; i++) {
            arr[i][0] = nextInt();
            arr[i][1] = nextInt();
        }
        return arr;
    }

    public static void main(String[] args) throws IOException {
        reader = new BufferedReader(new InputStreamReader(System.in));
        int[][] intervals = readPairs();
        int[] newInterval = new int[] {nextInt(), nextInt()};
        int[][] result = insert(intervals, newInterval);
        StringBuilder sb = new StringBuilder();
        for (int[] p : result) {
            sb.append(p[0]).append(' ').append(p[1]).append('\n');
        }
        System.out.print(sb);
        System.out.flush();
    }
}
