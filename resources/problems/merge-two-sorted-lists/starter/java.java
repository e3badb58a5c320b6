import java.io.*;
import java.util.*;

class ListNode {
    int val;
    ListNode next;

    ListNode(int val) {
        this.val = val;
    }

    ListNode(int val, ListNode next) {
        this.val = val;
        this.next = next;
    }
}

public class Main {
    static ListNode mergeTwoLists(ListNode list1, ListNode list2) {
        // TODO: implement
        return null;
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

    private static ListNode buildList(int[] values) {
        ListNode head = null;
        for (int i = values.length - 1; i >= 0; i--) {
            head = new ListNode(values[i], head);
        }
        return head;
    }

    private static String listToString(ListNode head) {
        StringBuilder sb = new StringBuilder();
        for (ListNode node = head; node != null; node = node.next) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(node.val);
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        reader = new BufferedReader(new InputStreamReader(System.in));
        ListNode list1 = buildList(readIntArray());
        ListNode list2 = buildList(readIntArray());
        ListNode result = mergeTwoLists(list1, list2);
        StringBuilder sb = new StringBuilder();
        sb.append(listToString(result)).append('\n');
        System.out.print(sb);
        System.out.flush();
    }
}
