import java.io.*;
import java.util.*;

public class Main {
    static List<List<Integer>> threeSum(int[] nums) {
        // TODO: return every distinct triplet [a, b, c] (a <= b <= c) of elements at different positions with a + b + c == 0, in lexicographic order
        return new ArrayList<>();
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
        int[] nums = parseInts(nextLine());

        List<List<Integer>> result = threeSum(nums);
        StringBuilder sb = new StringBuilder();
        for (List<Integer> row : result) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) sb.append(' ');
                sb.append(row.get(i));
            }
            sb.append('\n');
        }
        PrintWriter pw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        pw.print(sb);
        pw.flush();
    }
}
