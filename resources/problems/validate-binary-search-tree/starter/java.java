import java.io.*;
import java.util.*;

class TreeNode {
    int val;
    TreeNode left;
    TreeNode right;

    TreeNode(int val) {
        this.val = val;
    }
}

public class Main {
    static boolean isValidBST(TreeNode root) {
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

    private static TreeNode buildTree(List<String> tokens) {
        if (tokens.isEmpty() || tokens.get(0).equals("null")) {
            return null;
        }
        TreeNode root = new TreeNode(Integer.parseInt(tokens.get(0)));
        ArrayDeque<TreeNode> queue = new ArrayDeque<>();
        queue.add(root);
        int i = 1;
        while (!queue.isEmpty() && i < tokens.size()) {
            TreeNode node = queue.poll();
            if (i < tokens.size() && !tokens.get(i).equals("null")) {
                node.left = new TreeNode(Integer.parseInt(tokens.get(i)));
                queue.add(node.left);
            }
            i++;
            if (i < tokens.size() && !tokens.get(i).equals("null")) {
                node.right = new TreeNode(Integer.parseInt(tokens.get(i)));
                queue.add(node.right);
            }
            i++;
        }
        return root;
    }

    public static void main(String[] args) throws IOException {
        reader = new BufferedReader(new InputStreamReader(System.in));
        List<String> tokens = new ArrayList<>();
        for (String t = next(); t != null; t = next()) {
            tokens.add(t);
        }
        TreeNode root = buildTree(tokens);
        boolean result = isValidBST(root);
        StringBuilder sb = new StringBuilder();
        sb.append(result ? "true" : "false").append('\n');
        System.out.print(sb);
        System.out.flush();
    }
}
