// The settings form's event checkboxes, by field name (no server code: the form is a client component).
import type { WebhookEvent } from "@/lib/notifications/webhook-events";

/** The event checkboxes, by field name. */
export const WEBHOOK_EVENT_FIELDS = {
  graded: "intake.graded",
  escalated: "case.escalated",
  overdue: "case.overdue",
  resolved: "case.resolved",
  booked: "appointment.booked",
  moved: "appointment.moved",
  cancelled: "appointment.cancelled",
  offered: "waitlist.offered",
} as const satisfies Record<string, WebhookEvent>;
