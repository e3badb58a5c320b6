import java.io.*;
import java.util.*;

public class Main {
    static double findMedianSortedArrays(int[] nums1, int[] nums2) {
        // TODO: implement
        return 0.0;
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
        int[] nums1 = readIntArray();
        int[] nums2 = readIntArray();
        double result = findMedianSortedArrays(nums1, nums2);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.US, "%.5f", result)).append('\n');
        System.out.print(sb);
        System.out.flush();
    }
}
