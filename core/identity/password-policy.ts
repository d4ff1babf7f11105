/** Passwords: long rather than complex (NIST SP 800-63B); shown to people in the form's hint. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
