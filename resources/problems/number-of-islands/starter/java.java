import java.io.*;
import java.util.*;

public class Main {
    static int numIslands(char[][] grid) {
        // TODO: count the groups of '1' cells connected horizontally or vertically
        return 0;
    }

    static BufferedReader reader;

    static String nextLine() throws IOException {
        String line = reader.readLine();
        return line == null ? "" : line;
    }

    static int[] parseInts(String line) {
        StringTokenizer st = new StringTokenizer(line);
        int[] values = new int[st.countTokens()];
        for (int i = 0; i < values.length; i++) values[i] = Integer.parseInt(st.nextToken());
        return values;
    }

    static void appendRow(StringBuilder sb, int[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(row[i]);
        }
        sb.append('\n');
    }

    public static void main(String[] args) throws IOException {
        reader = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        int[] dims = parseInts(nextLine());
        char[][] grid = new char[dims[0]][];
        for (int r = 0; r < dims[0]; r++) {
            String line = nextLine();
            grid[r] = line.substring(0, Math.min(dims[1], line.length())).toCharArray();
        }

        int result = numIslands(grid);
        StringBuilder sb = new StringBuilder();
        sb.append(result).append('\n');
        PrintWriter pw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        pw.print(sb);
        pw.flush();
    }
}
