// A recovery check-in is open on the patient's "My back" page, some weeks after their form. The
// email holds no question and no answer: the subject and text say only that it is time to check in.
import { ActionButton, EmailLayout, Greeting, oneLine, Paragraph, SAMPLE_CLINIC, Title } from "./layout";
import type { RecoveryCheckinProps } from "./types";

/** Never the patient's name, never a clinical word: a subject is what lock screens show. */
export function subject({ clinic }: RecoveryCheckinProps): string {
  return oneLine(`How are you getting on? A short check-in from ${clinic.name}`);
}

export default function RecoveryCheckin({ clinic, firstName, week, checkinUrl }: RecoveryCheckinProps) {
  return (
    <EmailLayout clinic={clinic} preview="A few questions, about two minutes, so we can see how you are doing.">
      <Title>How are you getting on?</Title>
      <Greeting firstName={firstName} />
      <Paragraph>
        It is about {week} {week === 1 ? "week" : "weeks"} since you filled in our form. A few short questions (about
        two minutes) tell us how you are doing, and show you your progress over time.
      </Paragraph>
      <ActionButton href={checkinUrl}>Answer the check-in</ActionButton>
      <Paragraph>
        If something has got worse, the check-in asks about it, and we will tell you straight away what to do. If you
        have a question, call us on {clinic.phone}.
      </Paragraph>
    </EmailLayout>
  );
}

RecoveryCheckin.PreviewProps = {
  clinic: { ...SAMPLE_CLINIC, stopUrl: "https://book.riverside-spine.example/my/sample/emails" },
  firstName: "Alex",
  week: 6,
  checkinUrl: "https://book.riverside-spine.example/my/sample/check-in",
} satisfies RecoveryCheckinProps;
