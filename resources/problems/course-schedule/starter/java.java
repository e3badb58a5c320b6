import java.io.*;
import java.util.*;

public class Main {
    static boolean canFinish(int numCourses, int[][] prerequisites) {
        // TODO: implement
        return false;
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
        int numCourses = nextInt();
        int[][] prerequisites = readPairs();
        boolean result = canFinish(numCourses, prerequisites);
        StringBuilder sb = new StringBuilder();
        sb.append(result ? "true" : "false").append('\n');
        System.out.print(sb);
        System.out.flush();
    }
}
