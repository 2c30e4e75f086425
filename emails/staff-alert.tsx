// For clinic staff: a case is waiting. Only the level, why, when it came in, the deadline and a
// link. Nothing about the patient (no name, no answers): staff open the case to see those.
import { ActionButton, EmailLayout, oneLine, Paragraph, Prominent, SAMPLE_CLINIC, Title } from "./layout";
import type { StaffAlertProps, StaffAlertReason } from "./types";

/** Why the case is in the queue, in one sentence. */
export function reasonText({ level, reason }: { level: string; reason: StaffAlertReason }): string {
  switch (reason) {
    case "level":
      return `The case was graded ${level}.`;
    case "no_capacity":
      return `No appointment was free within 7 days for a ${level} case. The clinic must call the patient.`;
    case "overdue":
      return "The case was not acknowledged in time.";
    case "override":
      return `A clinician raised the level to ${level}.`;
    case "review_overdue":
      return "The case was not reviewed in time.";
  }
}

/** The deadline as a sentence: still to meet, or missed (an overdue alert). */
export function deadlineText(reason: StaffAlertReason, deadline: string): string {
  switch (reason) {
    case "overdue":
      return `It was due to be acknowledged by ${deadline}.`;
    case "review_overdue":
      return `It was due to be reviewed by ${deadline}.`;
    default:
      return `Acknowledge by ${deadline}.`;
  }
}

function acknowledge({ acknowledgeWithinMinutes, deadlineShort }: StaffAlertProps): string {
  if (deadlineShort) return ` – acknowledge by ${deadlineShort}`;
  return acknowledgeWithinMinutes === null ? "" : ` – acknowledge within ${acknowledgeWithinMinutes} min`;
}

export function subject(props: StaffAlertProps): string {
  const { level, reason } = props;
  switch (reason) {
    case "level":
      return oneLine(`[${level}] case waiting for a call${acknowledge(props)}`);
    case "override":
      return oneLine(`[${level}] level raised by a clinician${acknowledge(props)}`);
    case "no_capacity":
      return oneLine(`[${level}] no capacity – call the patient`);
    case "overdue":
      return oneLine(`[${level}] overdue: not acknowledged`);
    case "review_overdue":
      return oneLine(`[${level}] review overdue`);
  }
}

export default function StaffAlert(props: StaffAlertProps) {
  const { clinic, level, reason, caseUrl, submittedAt, acknowledgeWithinMinutes, deadline } = props;
  return (
    <EmailLayout clinic={clinic} preview={reasonText(props)} emergencyNote={false}>
      <Title>A case is waiting: {level}</Title>
      <Prominent>{reasonText(props)}</Prominent>
      <Paragraph>Submitted: {submittedAt}</Paragraph>
      {deadline ? (
        <Paragraph>
          <strong>{deadlineText(reason, deadline)}</strong>
        </Paragraph>
      ) : acknowledgeWithinMinutes !== null ? (
        <Paragraph>
          <strong>
            {reason === "overdue"
              ? `It was due to be acknowledged within ${acknowledgeWithinMinutes} minutes of being submitted.`
              : `Acknowledge within ${acknowledgeWithinMinutes} minutes of it being submitted.`}
          </strong>
        </Paragraph>
      ) : null}
      <ActionButton href={caseUrl}>Open the case</ActionButton>
      <Paragraph>Sign in to see the details. They are not sent by email.</Paragraph>
    </EmailLayout>
  );
}

StaffAlert.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  level: "EMERGENCY",
  reason: "level",
  caseUrl: "https://book.riverside-spine.example/staff/cases/5b0c8f7e-2a51-4c55-9d7b-0f1e2d3c4b5a",
  submittedAt: "Tuesday 24 November 2026 at 2:05 pm (New York time)",
  acknowledgeWithinMinutes: 15,
} satisfies StaffAlertProps;
