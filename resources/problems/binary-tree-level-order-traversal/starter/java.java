import java.io.*;
import java.util.*;

public class Main {
    static class TreeNode {
        int val;
        TreeNode left;
        TreeNode right;

        TreeNode(int val) {
            this.val = val;
        }
    }

    static List<List<Integer>> levelOrder(TreeNode root) {
        // TODO: return the node values level by level, each level from left to right
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

    static TreeNode buildTree(String line) {
        String[] tokens = line.trim().isEmpty() ? new String[0] : line.trim().split("\\s+");
        if (tokens.length == 0 || tokens[0].equals("null")) return null;
        TreeNode root = new TreeNode(Integer.parseInt(tokens[0]));
        ArrayDeque<TreeNode> queue = new ArrayDeque<>();
        queue.add(root);
        int i = 1;
        while (!queue.isEmpty() && i < tokens.length) {
            TreeNode node = queue.poll();
            if (!tokens[i].equals("null")) {
                node.left = new TreeNode(Integer.parseInt(tokens[i]));
                queue.add(node.left);
            }
            i++;
            if (i < tokens.length && !tokens[i].equals("null")) {
                node.right = new TreeNode(Integer.parseInt(tokens[i]));
                queue.add(node.right);
            }
            i++;
        }
        return root;
    }

    public static void main(String[] args) throws IOException {
        reader = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        TreeNode root = buildTree(nextLine());

        List<List<Integer>> result = levelOrder(root);
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
