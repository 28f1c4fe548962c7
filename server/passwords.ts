/**
 * Where tests/helper.ts and the e2e tests still import password hashing from; the module is
 * server/access/passwords.ts. Delete this file once they import it from there.
 */
export { hashPassword, verifyPassword } from './access/passwords.ts';
