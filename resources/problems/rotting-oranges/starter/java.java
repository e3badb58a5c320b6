import java.io.*;
import java.util.*;

public class Main {
    static int orangesRotting(int[][] grid) {
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

    private static int[][] readGrid() throws IOException {
        int rows = nextInt();
        int cols = nextInt();
        int[][] grid = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[r][c] = nextInt();
            }
        }
        return grid;
    }

    public static void main(String[] args) throws IOException {
        reader = new BufferedReader(new InputStreamReader(System.in));
        int[][] grid = readGrid();
        int result = orangesRotting(grid);
        StringBuilder sb = new StringBuilder();
        sb.append(result).append('\n');
        System.out.print(sb);
        System.out.flush();
    }
}
