import java.io.*;
import java.util.*;

public class Main {
    static int[] dailyTemperatures(int[] temperatures) {
        // TODO: return, for each day, how many days later a strictly warmer day comes (0 if never)
        return new int[0];
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
        nextLine(); // n
        int[] temperatures = parseInts(nextLine());

        int[] result = dailyTemperatures(temperatures);
        StringBuilder sb = new StringBuilder();
        appendRow(sb, result);
        PrintWriter pw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        pw.print(sb);
        pw.flush();
    }
}
