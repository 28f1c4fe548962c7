/**
 * Where to go after logging in, from the login page's `next` parameter: a path on this site, or
 * null. Browsers read "/\evil.example" and "//evil.example" as another site and drop tabs and line
 * breaks inside a URL ("/\t/evil.example" becomes "//evil.example"); "%5C" and "%2F" become the same
 * wherever a path is decoded once more. So anything but a plain path is refused, not repaired.
 */
const SOMEWHERE_ELSE = /^(?:[^/]|\/[/\\])/; // not starting with "/", or with "//" or "/\"
// A backslash, whitespace or a control character, written as it is or percent-encoded (or a slash encoded).
const NEVER_IN_A_PATH = /[\\\s\u0000-\u001f\u007f]|%(?:[01][0-9a-f]|2f|5c|7f)/i;

/** A placeholder origin: the path must stay on whatever origin it is resolved against. */
const HERE = 'https://vv-monitor.invalid';

export default function nextPath(wanted: string | null): string | null {
  if (!wanted || SOMEWHERE_ELSE.test(wanted) || NEVER_IN_A_PATH.test(wanted)) return null;
  let url: URL;
  try {
    url = new URL(wanted, HERE);
  } catch {
    return null;
  }
  // "/..//evil.example" resolves to the path "//evil.example": check what the browser would use.
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== HERE || SOMEWHERE_ELSE.test(path) || path.startsWith('/login')) return null;
  return path;
}
