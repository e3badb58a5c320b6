/** A percent-encoded URL part decoded (a path segment, a whole path); null when it is not valid percent-encoded UTF-8. */
export function decodeUriOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
