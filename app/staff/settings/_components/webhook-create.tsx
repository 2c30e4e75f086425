"use client";

// Adding an alert webhook. The signing secret comes back in the action's answer and is kept only
// in this component's state: shown once, here, and gone on the next page load.
import { useCallback, useEffect, useRef, useState } from "react";
import type { FormState } from "@/lib/forms";
import { WEBHOOK_EVENT_DESCRIPTIONS, type WebhookEvent } from "@/lib/notifications/webhook-events";
import { WEBHOOK_EVENT_FIELDS } from "@/lib/staff/webhook-fields";
import type { CreatedWebhook } from "@/lib/staff/webhooks";
import { createWebhookAction } from "../webhook-actions";
import { StaffForm, type Field } from "../../_components/staff-form";
import staff from "../../_components/staff.module.css";

const FIELDS: readonly Field[] = [
  {
    name: "url",
    label: "URL",
    hint: "Where events are sent, e.g. https://alerts.example.com/backtrack. It must start with https://.",
    autoComplete: "url",
  },
  { name: "description", label: "Description (optional)", hint: "What it is, e.g. On-call pager" },
  ...(Object.entries(WEBHOOK_EVENT_FIELDS) as [keyof typeof WEBHOOK_EVENT_FIELDS, WebhookEvent][]).map(
    ([name, event]): Field => ({
      name,
      label: `${event}: ${WEBHOOK_EVENT_DESCRIPTIONS[event]}`,
      kind: "checkbox",
      ...(event === "case.escalated" || event === "case.overdue" ? { defaultValue: "on" } : {}),
    }),
  ),
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
