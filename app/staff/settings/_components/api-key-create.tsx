"use client";

// Creating an integration key. The key comes back in the action's answer and is kept only in this
// component's state: shown once, here, and gone on the next page load.
import { useCallback, useEffect, useRef, useState } from "react";
import { API_SCOPES } from "@/common/vocabulary";
import type { FormState } from "@/lib/forms";
import type { CreatedApiKey } from "@/lib/staff/api-keys";
import { SCOPE_DESCRIPTIONS, scopeField } from "@/lib/staff/api-scopes";
import { createApiKeyAction } from "../api-key-actions";
import { StaffForm, type Field } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";

const FIELDS: readonly Field[] = [
  { name: "name", label: "Name", hint: "Who uses it and for what, e.g. EHR import (Practice Systems Ltd)" },
  ...API_SCOPES.map((scope): Field => ({
    name: scopeField(scope),
    label: `${scope}: ${SCOPE_DESCRIPTIONS[scope]}`,
    kind: "checkbox",
  })),
];

export function ApiKeyCreate() {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created) panel.current?.focus();
  }, [created]);
  const submit = useCallback(async (_state: FormState, form: FormData) => {
    const answer = await createApiKeyAction(form);
    setCreated(answer.created ?? null);
    return answer.state;
  }, []);

  return (
    <>
      {created ? (
        <div ref={panel} tabIndex={-1} role="status" className={staff.notice}>
          <p>
            <strong>✓ Key created. Copy it now: it is shown only this once.</strong>
          </p>
          <dl className={staff.facts}>
            <dt>Name</dt>
            <dd>{created.name}</dd>
            <dt>Scopes</dt>
            <dd>{created.scopes.join(", ")}</dd>
            <dt>Key</dt>
            <dd>
              <code data-testid="api-key">{created.key}</code>
            </dd>
          </dl>
          <p>
            The integration sends it as <code>Authorization: Bearer &lt;key&gt;</code>. Keep it as you would a password.
            If it is lost or leaks, revoke it and create another.
          </p>
        </div>
      ) : null}
      <StaffForm errorSummary action={submit} fields={FIELDS} submitLabel="Create key" />
    </>
  );
}
