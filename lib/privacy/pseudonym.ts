// What an erased patient is called afterwards: a random code, the same on every record of theirs,
// derived from nothing about them (a hash of their email could be matched by anyone who guesses it).
import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: a code read out on the phone is not misheard.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 6;

/** Addresses of erased patients end here: `.invalid` is reserved, so no email to one can ever be delivered. */
export const ERASED_EMAIL_DOMAIN = "erased.invalid";

/** A fresh pseudonym code, e.g. "7F3K2Q". */
export function pseudonymCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The contact fields an erased intake keeps: a pseudonym, its own unreachable address, placeholders. */
export function erasedContact(code: string) {
  return {
    firstName: "Erased patient",
    lastName: code,
    email: `erased-${code.toLowerCase()}@${ERASED_EMAIL_DOMAIN}`,
    phone: "",
    // NOT NULL: a fixed placeholder no living patient has, so it never joins an erased record to a real one.
    dateOfBirth: "1900-01-01",
    sex: "",
  } as const;
}

/** Whether an address is an erased patient's (nothing is ever queued to one). */
export function isErasedAddress(email: string): boolean {
  return email.toLowerCase().endsWith(`@${ERASED_EMAIL_DOMAIN}`);
}
