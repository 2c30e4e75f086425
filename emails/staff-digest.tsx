// For clinic staff: several cases came in within a minute of the last alert email, so they come
// together in one email (at most one alert email a minute each). Most urgent first; for each case
// only its level, why, when it came in, its deadline and a link. Nothing about the patients.
import { Fragment } from "react";
import { EmailLayout, oneLine, Paragraph, SAMPLE_CLINIC, Subheading, TextLink, Title } from "./layout";
import { deadlineText, reasonText } from "./staff-alert";
import type { StaffDigestProps } from "./types";

/** "3 cases need attention" (the subject's and the email's first words). */
export function headline({ cases }: Pick<StaffDigestProps, "cases">): string {
  return cases.length === 1 ? "1 case needs attention" : `${cases.length} cases need attention`;
}

/** "1 EMERGENCY, 2 URGENT", in the order the cases are listed. */
function tally({ cases }: Pick<StaffDigestProps, "cases">): string {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.level, (counts.get(c.level) ?? 0) + 1);
  return [...counts].map(([level, n]) => `${n} ${level}`).join(", ");
}

export function subject(props: StaffDigestProps): string {
  const top = props.cases[0]?.level;
  return oneLine(`${top ? `[${top}] ` : ""}${headline(props)}: ${tally(props)}`);
}

export default function StaffDigest(props: StaffDigestProps) {
  const { clinic, cases } = props;
  return (
    <EmailLayout clinic={clinic} preview={`${headline(props)}: ${tally(props)}`} emergencyNote={false}>
      <Title>{headline(props)}</Title>
      <Paragraph>
        These came in within a minute of the last alert, so they are sent together, the most urgent first.
      </Paragraph>
      {cases.map((c, i) => {
        const last = c.reasons[c.reasons.length - 1]!;
        return (
          <Fragment key={`${c.caseUrl}-${i}`}>
            <Subheading>
              {i + 1}. {c.level}
            </Subheading>
            {c.reasons.map((reason) => (
              <Paragraph key={reason}>{reasonText({ level: c.level, reason })}</Paragraph>
            ))}
            <Paragraph>Submitted: {c.submittedAt}</Paragraph>
            {c.deadline ? (
              <Paragraph>
                <strong>{deadlineText(last, c.deadline)}</strong>
              </Paragraph>
            ) : null}
            <Paragraph>
              <TextLink href={c.caseUrl}>Open case {i + 1}</TextLink>
            </Paragraph>
          </Fragment>
        );
      })}
      <Paragraph>Sign in to see the details. They are not sent by email.</Paragraph>
    </EmailLayout>
  );
}

StaffDigest.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  cases: [
    {
      level: "EMERGENCY",
      reasons: ["level"],
      caseUrl: "https://book.riverside-spine.example/staff/cases/5b0c8f7e-2a51-4c55-9d7b-0f1e2d3c4b5a",
      submittedAt: "Tuesday 24 November 2026 at 2:05 pm (New York time)",
      deadline: "Tuesday 24 November 2026 at 2:20 pm (New York time)",
    },
    {
      level: "URGENT",
      reasons: ["level"],
      caseUrl: "https://book.riverside-spine.example/staff/cases/0d8e6f4a-1b2c-4d3e-8f9a-0b1c2d3e4f5a",
      submittedAt: "Tuesday 24 November 2026 at 2:05 pm (New York time)",
      deadline: "Tuesday 24 November 2026 at 4:05 pm (New York time)",
    },
    {
      level: "SOON",
      reasons: ["no_capacity"],
      caseUrl: "https://book.riverside-spine.example/staff/cases/7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
      submittedAt: "Tuesday 24 November 2026 at 1:40 pm (New York time)",
      deadline: null,
    },
  ],
} satisfies StaffDigestProps;
