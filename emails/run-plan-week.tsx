// The running plan's weekly check-in is open on "My back". No answer and no clinical word in it.
import { ActionButton, EmailLayout, Greeting, oneLine, Paragraph, SAMPLE_CLINIC, Title } from "./layout";
import type { RunPlanWeekProps } from "./types";

export function subject({ clinic }: RunPlanWeekProps): string {
  return oneLine(`Time for this week's plan check-in (${clinic.name})`);
}

export default function RunPlanWeek({ clinic, firstName, planUrl }: RunPlanWeekProps) {
  return (
    <EmailLayout clinic={clinic} preview="Tell us how last week went and see what to do this week.">
      <Title>Time for this week&apos;s check-in</Title>
      <Greeting firstName={firstName} />
      <Paragraph>
        It is a week since your last step. Tell us how it went (four short questions) and we will show you what to do
        this week.
      </Paragraph>
      <ActionButton href={planUrl}>Open my plan</ActionButton>
      <Paragraph>If you have a question, call us on {clinic.phone}.</Paragraph>
    </EmailLayout>
  );
}

RunPlanWeek.PreviewProps = {
  clinic: { ...SAMPLE_CLINIC, stopUrl: "https://book.riverside-spine.example/my/sample/emails" },
  firstName: "Alex",
  planUrl: "https://book.riverside-spine.example/my/sample#plan",
} satisfies RunPlanWeekProps;
