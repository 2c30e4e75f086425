"use client";

import { signInAction } from "../actions";
import { StaffForm } from "./staff-form";

/** Email and password; after a refusal the email stays typed, the password never comes back. */
export function SignInForm({ next }: { next: string }) {
  return (
    <StaffForm
      action={signInAction}
      hidden={{ next }}
      fields={[
        { name: "email", label: "Email", kind: "email", autoComplete: "username", required: true },
        { name: "password", label: "Password", kind: "password", autoComplete: "current-password", required: true },
      ]}
      submitLabel="Sign in"
    />
  );
}
