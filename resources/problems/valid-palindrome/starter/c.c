#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool isPalindrome(const char* s) {
    // TODO: implement
    return false;
}

// ---- input / output (no need to change anything below) ----

int main(void) {
    size_t cap = 1024, len = 0;
    char* s = malloc(cap);
    int ch;
    while ((ch = getchar()) != EOF && ch != '\n') {
        if (len + 1 >= cap) {
            cap *= 2;
            s = realloc(s, cap);
        }
        s[len++] = (char)ch;
    }
    if (len > 0 && s[len - 1] == '\r') len--;
    s[len] = '\0';
    printf("%s\n", isPalindrome(s) ? "true" : "false");
    free(s);
    return 0;
}
