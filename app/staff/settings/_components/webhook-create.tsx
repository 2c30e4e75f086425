"use client";

// Adding an alert webhook. The signing secret comes back in the action's answer and is kept only
// in this component's state: shown once, here, and gone on the next page load.
import { useCallback, useEffect, useRef, useState } from "react";
import type { FormState } from "@/lib/forms";
import type { CreatedWebhook } from "@/lib/staff/webhooks";
import { createWebhookAction } from "../webhook-actions";
import { StaffForm, type Field } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";

const FIELDS: readonly Field[] = [
  {
    name: "url",
    label: "URL",
    hint: "Where alerts are sent, e.g. https://alerts.example.com/backtrack. It must start with https://.",
    autoComplete: "url",
  },
  { name: "description", label: "Description (optional)", hint: "What it is, e.g. On-call pager" },
  {
    name: "escalated",
    label: "case.escalated: a case needs a call (EMERGENCY, URGENT, no capacity, level raised)",
    kind: "checkbox",
    defaultValue: "on",
  },
  {
    name: "overdue",
    label: "case.overdue: a case was not acknowledged, or not reviewed, in time",
    kind: "checkbox",
    defaultValue: "on",
  },
];

export function WebhookCreate() {
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created) panel.current?.focus();
  }, [created]);
  const submit = useCallback(async (_state: FormState, form: FormData) => {
    const answer = await createWebhookAction(form);
    setCreated(answer.created ?? null);
    return answer.state;
  }, []);

  return (
    <>
      {created ? (
        <div ref={panel} tabIndex={-1} role="status" className={staff.notice}>
          <p>
            <strong>✓ Webhook endpoint added. Copy its signing secret now: it is shown only this once.</strong>
          </p>
          <dl className={staff.facts}>
            <dt>Endpoint</dt>
            <dd>{created.description ? `${created.description} (${created.url})` : created.url}</dd>
            <dt>Signing secret</dt>
            <dd>
              <code>{created.secret}</code>
            </dd>
          </dl>
          <p>
            Give it to whoever runs the endpoint: it checks the webhook-signature header of every alert with it
            (Standard Webhooks). If it is lost, remove the endpoint and add it again.
          </p>
        </div>
      ) : null}
      <StaffForm errorSummary action={submit} fields={FIELDS} submitLabel="Add webhook endpoint" />
    </>
  );
}
