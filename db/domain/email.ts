/** E-mail addresses are compared as typed, without surrounding space and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
