import java.io.*;

public class Main {
    static boolean isPalindrome(String s) {
        // TODO: implement
        return false;
    }

    // ---- input / output (no need to change anything below) ----

    public static void main(String[] args) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(System.in));
        String s = reader.readLine();
        if (s == null) {
            s = "";
        }
        System.out.println(isPalindrome(s) ? "true" : "false");
    }
}
