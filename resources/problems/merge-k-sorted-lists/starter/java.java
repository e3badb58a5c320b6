import java.io.*;
import java.util.*;

public class Main {
    static class ListNode {
        int val;
        ListNode next;

        ListNode(int val) {
            this.val = val;
        }
    }

    static ListNode mergeKLists(ListNode[] lists) {
        // TODO: merge the k sorted lists into one sorted list and return its head
        return null;
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

    static ListNode buildList(int[] values) {
        ListNode dummy = new ListNode(0);
        ListNode tail = dummy;
        for (int v : values) {
            tail.next = new ListNode(v);
            tail = tail.next;
        }
        return dummy.next;
    }

    public static void main(String[] args) throws IOException {
        reader = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        int k = Integer.parseInt(nextLine().trim());
        ListNode[] lists = new ListNode[k];
        for (int i = 0; i < k; i++) {
            nextLine(); // length of this list
            lists[i] = buildList(parseInts(nextLine()));
        }

        ListNode result = mergeKLists(lists);
        StringBuilder sb = new StringBuilder();
        for (ListNode node = result; node != null; node = node.next) {
            if (node != result) sb.append(' ');
            sb.append(node.val);
        }
        sb.append('\n');
        PrintWriter pw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        pw.print(sb);
        pw.flush();
    }
}
