// For clinic staff: a case is waiting. Only the level, why, when it came in, the deadline and a
// link. Nothing about the patient (no name, no answers): staff open the case to see those.
import { ActionButton, EmailLayout, oneLine, Paragraph, Prominent, SAMPLE_CLINIC, Title } from "./layout";
import type { StaffAlertProps } from "./types";

/** Why the case is in the queue, in one sentence. */
function reasonText({ level, reason }: Pick<StaffAlertProps, "level" | "reason">): string {
  switch (reason) {
    case "level":
      return `The case was graded ${level}.`;
    case "no_capacity":
      return `No appointment was free within 7 days for a ${level} case. The clinic must call the patient.`;
    case "overdue":
      return "The case was not acknowledged in time.";
  }
}

export function subject({ level, reason, acknowledgeWithinMinutes }: StaffAlertProps): string {
  switch (reason) {
    case "level":
      return oneLine(
        acknowledgeWithinMinutes === null
          ? `[${level}] case waiting for a call`
          : `[${level}] case waiting for a call – acknowledge within ${acknowledgeWithinMinutes} min`,
      );
    case "no_capacity":
      return oneLine(`[${level}] no capacity – call the patient`);
    case "overdue":
      return oneLine(`[${level}] overdue: not acknowledged`);
  }
}

export default function StaffAlert(props: StaffAlertProps) {
  const { clinic, level, reason, caseUrl, submittedAt, acknowledgeWithinMinutes } = props;
  return (
    <EmailLayout clinic={clinic} preview={reasonText(props)} emergencyNote={false}>
      <Title>A case is waiting: {level}</Title>
      <Prominent>{reasonText(props)}</Prominent>
      <Paragraph>Submitted: {submittedAt}</Paragraph>
      {acknowledgeWithinMinutes !== null && (
        <Paragraph>
          <strong>
            {reason === "overdue"
              ? `It was due to be acknowledged within ${acknowledgeWithinMinutes} minutes of being submitted.`
              : `Acknowledge within ${acknowledgeWithinMinutes} minutes of it being submitted.`}
          </strong>
        </Paragraph>
      )}
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
